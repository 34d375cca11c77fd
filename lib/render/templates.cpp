#include "render/templates.h"


#include "render/escape.h"
#include "core/errors.h"
#include "core/msg/render.h"

namespace sv::render {

static constexpr char kMarker = '\x1f';

std::string template_text(const Options& o, const std::string& name) {
  if (auto it = o.templates.find(name); it != o.templates.end()) return it->second;
  for (const auto& t : builtin_templates())
    if (name == t.name) return std::string(t.text);
  throw SystemError(msg_of(msg::r_template_missing, name));
}

RepositoryTemplates read_templates(const Source& files) {
  RepositoryTemplates out;
  for (const auto& t : builtin_templates()) {
    std::string path = std::string("templates/") + t.name;
    std::string text;
    ReadError error;
    if (files.read(path, text, error)) {
      out.texts.emplace(t.name, std::move(text));
    } else if (error.code != code::file_unreadable) {
      out.refused.push_back(RefusedTemplate{path, error.code, std::move(error.message)});
    } else if (!error.missing) {
      throw SystemError(msg_of(msg::r_template_unreadable, path, std::move(error.message)));
    }
  }
  return out;
}

// Mustache removes a line holding only a section tag ("standalone"). kainjow
// 4.1 instead drops every output line that held a section tag and came out
// empty, which also drops blank lines after a section and keeps one where a
// section was skipped. So: such a line becomes its tag plus a marker, joined
// to the next line; the marker keeps kainjow from dropping lines, and
// expand() removes it from the output (escape_* drop it from data).
std::string join_standalone_tags(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    size_t end = eol == std::string_view::npos ? text.size() : eol;
    std::string_view line = text.substr(pos, end - pos);
    size_t a = line.find_first_not_of(" \t"), b = line.find_last_not_of(" \t\r");
    bool standalone = false;
    if (a != std::string_view::npos) {
      std::string_view tag = line.substr(a, b - a + 1);
      standalone = tag.size() > 5 && tag.substr(0, 2) == "{{" && (tag[2] == '#' || tag[2] == '^' || tag[2] == '/') &&
                   tag.substr(tag.size() - 2) == "}}" && tag.find("}}") == tag.size() - 2;
      if (standalone) {
        out.append(tag);
        out += kMarker;
        pos = eol == std::string_view::npos ? text.size() : eol + 1;
        continue;
      }
    }
    out.append(line);
    if (eol != std::string_view::npos) out += '\n';
    pos = end + 1;
  }
  return out;
}

static std::string expand(const Options& o, const std::string& name, const Data& data, Format f) {
  kainjow::mustache::mustache m(join_standalone_tags(template_text(o, name)));
  if (f == Format::html) m.set_custom_escape([](const std::string& s) { return escape_html(s); });
  else m.set_custom_escape([](const std::string& s) { return escape_md(s); });
  std::string out = m.is_valid() ? m.render(data) : std::string();
  if (!m.is_valid()) throw SystemError(msg_of(msg::r_template_broken, name, m.error_message()));
  std::erase(out, kMarker);
  return out;
}

std::string render_page(const std::string& page, Data data, Format f, const Options& o,
                        const std::string& site_name, bool in_site) {
  Data t = labels(o.lang);
  std::string lang = o.lang == Lang::sv ? "sv" : "en";
  data.set("t", t);
  data.set("lang", lang);
  data.set("site_name", site_name);
  data.set("in_site", in_site);
  data.set("today", o.today.str());
  data.set("wheel", join_standalone_tags(template_text(o, f == Format::html ? "wheel.html.mustache" : "wheel.md.mustache")));
  if (f == Format::html)
    data.set("link", std::string("{{#href}}<a href=\"{{href}}\">{{name}}</a>{{/href}}{{^href}}{{name}}{{/href}}"));
  else
    data.set("link", std::string("{{#href}}[{{name}}]({{href}}){{/href}}{{^href}}{{name}}{{/href}}"));
  std::string body = expand(o, page + (f == Format::html ? ".html.mustache" : ".md.mustache"), data, f);
  if (f == Format::md) return body;
  Data layout;
  layout.set("t", t);
  layout.set("lang", lang);
  layout.set("site_name", site_name);
  layout.set("in_site", in_site);
  layout.set("title", data.get("title") ? data.get("title")->string_value() : site_name);
  layout.set("today", o.today.str());
  // A document about the past says the date it is as of (a report its
  // period's end, a protokoll its meeting's date), never the day of rendering.
  auto* as_of = data.get("as_of");
  layout.set("as_of", as_of && as_of->is_string() ? as_of->string_value() : o.today.str());
  layout.set("css", template_text(o, "style.css"));
  layout.set("body", keep_numbers_whole(body));
  return expand(o, "layout.html.mustache", layout, f);
}

}  // namespace sv::render
