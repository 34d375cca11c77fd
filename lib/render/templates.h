// Templates: built-in ones compiled in from lib/render/templates/, each
// replaceable by a file of the same name in the repository's templates/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.h"
#include "render/render.h"
#include "render/view.h"

namespace sv::render {

using BuiltinTemplate = EmbeddedFile;  // name: e.g. "plan.html.mustache", "style.css"
const std::vector<BuiltinTemplate>& builtin_templates();

// The text of template `name`: templates/<name> from the options' directory
// when it exists, else the built-in one. Throws SystemError when neither.
std::string template_text(const Options& o, const std::string& name);

// The template with each line that holds only a section tag joined to the
// next line (what Mustache's standalone rule means).
std::string join_standalone_tags(std::string_view text);

// Renders page `page` (e.g. "plan") in format f: the labels, the language and
// the link partial are added to `data`; HTML pages are wrapped in the layout.
std::string render_page(const std::string& page, Data data, Format f, const Options& o, const std::string& site_name,
                        bool in_site);

}  // namespace sv::render
