// The help's layout and CLI11's own words, in the language of the help.
#include "app.h"

#include <sstream>

#include "core/msg/cli.h"

namespace cli {
namespace {

// Columns count characters, not bytes: "KRÄVS" is five wide.
size_t display_width(std::string_view text) {
  size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;
  return width;
}

// "  name          description": the two columns of an option or a command,
// padded by display width (CLI11 pads by bytes).
std::string help_row(const std::string& left, const std::string& description, size_t column) {
  std::string out = "  " + left;
  size_t width = display_width(out);
  if (width >= column) out += "\n" + std::string(column, ' ');
  else out += std::string(column - width, ' ');
  for (char c : description) {
    out += c;
    if (c == '\n') out += std::string(column, ' ');
  }
  return out + "\n";
}

// The value's word in the help's language. A choice shows its values alone,
// "{text,json}", not CLI11's "TEXT:{text,json}".
std::string word_of(const CLI::FormatterBase& f, const CLI::Option* opt) {
  std::string type = opt->get_type_name();
  if (auto choices = type.find(":{"); choices != std::string::npos) return type.substr(choices + 1);
  return f.get_label(type);
}

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return help_row(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt),
                    get_column_width());
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    return help_row(sub->get_display_name(true), sub->get_description(), get_column_width());
  }

  // A positional is shown by what it stands for ("SÖKVÄG ..."), not by its
  // name in the code ("path").
  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override {
    if (is_positional) return type_word(opt);
    return CLI::Formatter::make_option_name(opt, false);
  }

  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string out;
    if (!opt->get_positional() && opt->get_type_size() != 0 && !type_word(opt).empty()) out += " " + type_word(opt);
    if (opt->get_type_size() != 0 && opt->get_expected_max() == CLI::detail::expected_max_vector_size &&
        type_word(opt).find("...") == std::string::npos)
      out += " ...";
    if (opt->get_type_size() != 0 && opt->get_required()) out += " " + get_label("REQUIRED");
    if (!opt->get_excludes().empty()) {
      out += " (" + get_label("Excludes");
      for (const CLI::Option* other : opt->get_excludes()) out += " " + other->get_name();
      out += ")";
    }
    return out;
  }

  std::string make_option_usage(const CLI::Option* opt) const override {
    std::string out = type_word(opt);
    if (opt->get_expected_max() >= CLI::detail::expected_max_vector_size && out.find("...") == std::string::npos)
      out += "...";
    return opt->get_required() ? out : "[" + out + "]";
  }

 private:
  std::string type_word(const CLI::Option* opt) const { return word_of(*this, opt); }
};

}  // namespace

std::string value_word(const CLI::App& app, const CLI::Option* opt) { return word_of(*app.get_formatter(), opt); }

std::shared_ptr<CLI::Formatter> help_formatter(const Global& g) {
  auto fmt = std::make_shared<HelpFormatter>();
  fmt->label("Usage", T(g, sv::msg::cli_usage));
  fmt->label("OPTIONS", T(g, sv::msg::cli_OPTIONS));
  fmt->label("SUBCOMMAND", T(g, sv::msg::cli_COMMAND));
  fmt->label("SUBCOMMANDS", T(g, sv::msg::cli_COMMAND));
  fmt->label("Positionals", T(g, sv::msg::cli_positionals));
  fmt->label("REQUIRED", T(g, sv::msg::cli_REQUIRED));
  fmt->label("Excludes", T(g, sv::msg::cli_excludes));
  // The type names the commands give their values (CLI11's TEXT is never shown:
  // every option names its value).
  fmt->label("FILE", T(g, sv::msg::cli_FILE));
  fmt->label("DIR", T(g, sv::msg::cli_DIR));
  fmt->label("PATH", T(g, sv::msg::cli_PATH));
  fmt->label("PATH...", T(g, sv::msg::cli_PATH) + "...");
  fmt->label("FORMAT=FILE", "FORMAT=" + T(g, sv::msg::cli_FILE));
  fmt->label("RULE,...", T(g, sv::msg::cli_RULE) + ",...");
  fmt->label("PERIOD", T(g, sv::msg::cli_PERIOD));
  fmt->label("YYYY-MM-DD", T(g, sv::msg::cli_DATE));
  return fmt;
}

}  // namespace cli
