#include "render/page_data.h"

#include "core/msg/render.h"

namespace sv::render {

Data labels(Lang lang) {
  Data table;
#define MSG(name, sv_text, en_text) table.set(#name, std::string(lang == Lang::sv ? sv_text : en_text));
#include "core/msg/render.def"
#undef MSG
  return table;
}

Data empty_list() { return Data(Data::type::list); }

void put(Data& data, const std::string& key, const std::string& text) {
  size_t end = text.find_last_not_of(" \t\r\n");
  if (end == std::string::npos) data.set(key, false);
  else data.set(key, text.substr(0, end + 1));
}

void put(Data& data, const std::string& key, const Text& text) {
  put(data, key, text.set ? text.v : std::string());
}

void put(Data& data, const std::string& key, const Val<Date>& date) {
  put(data, key, date.set ? date.v.str() : std::string());
}

void put_list(Data& data, const std::string& key, const List<Text>& texts) {
  Data out = empty_list();
  for (const auto& text : texts.v)
    if (size_t end = text.v.find_last_not_of(" \t\r\n"); end != std::string::npos)
      out.push_back(Data(text.v.substr(0, end + 1)));
  if (out.list_value().empty()) data.set(key, false);
  else data.set(key, out);
}

void put_data(Data& data, const std::string& key, Data value, bool present) {
  if (present) data.set(key, std::move(value));
  else data.set(key, false);
  data.set(key + "_any", present);
}

}  // namespace sv::render
