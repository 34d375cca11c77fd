// The data the templates see, and how the view files fill it in: a value that
// is absent is set to false, never left out, so that a section {{#name}}
// never falls through to an outer value of the same name.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>

#include "core/messages.h"
#include "core/model.h"

namespace sv::render {

using Data = kainjow::mustache::data;

// The labels of the render catalogue, as "t.<name>" for templates.
Data labels(Lang lang);

Data empty_list();

// Sets data[key] to the text, or to false when it is absent or empty.
// Trailing line breaks and spaces (YAML block scalars end with one) are dropped.
void put(Data& data, const std::string& key, const std::string& text);
void put(Data& data, const std::string& key, const Text& text);
void put(Data& data, const std::string& key, const Val<Date>& date);
// Sets data[key] to the list of the non-empty texts, or false when there are none.
void put_list(Data& data, const std::string& key, const List<Text>& texts);
// Sets data[key], or false when absent; and data[key_any], for a header shown once.
void put_data(Data& data, const std::string& key, Data value, bool present);

}  // namespace sv::render
