// The table of codes that are not lint rules (core/codes.def) is complete and
// true: every code the sources emit is in it and every entry is emitted; each
// is documented in both languages and has a case in the error catalogue
// (tests/errors/<code>/, or an end-to-end test). This replaces the regex over
// named files that tests/e2e/catalogue.sh was.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "core/codes.h"
#include "core/text.h"
#include "lint/rule.h"
#include "source_tree.h"

using namespace sv;
namespace fs = std::filesystem;

namespace {

const fs::path& kSource = source_tree::kRoot;

// Files that still write codes as string literals; the others must use the
// typed constants (code::field_required).
const std::set<std::string> kLiteralFiles = {};

using source_tree::slurp;


// Where the sources emit each code (code id → the files).
std::map<std::string, std::set<std::string>> emitted_codes() {
  // code::name, and the literal shapes a code takes where it is not yet a constant.
  static const std::regex typed(R"(\bcode::([a-z0-9_]+))");
  static const std::regex literal(R"re("([a-z0-9]+(?:-[a-z0-9]+)+)"(?=,\s*msg)|code = "([a-z0-9]+(?:-[a-z0-9]+)+)")re");
  std::map<std::string, std::set<std::string>> out;
  source_tree::for_each_source([&](const std::string& rel, const std::string& text) {
    if (rel.rfind("lib/core/codes.", 0) == 0) return;  // the table itself
    for (auto it = std::sregex_iterator(text.begin(), text.end(), typed); it != std::sregex_iterator(); ++it) {
      std::string id = (*it)[1].str();
      std::replace(id.begin(), id.end(), '_', '-');
      out[id].insert(rel);
    }
    for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it) {
      std::string id = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
      CAPTURE(rel);
      CAPTURE(id);
      CHECK_MESSAGE(kLiteralFiles.count(rel), "write the code as a constant from core/codes.h");
      out[id].insert(rel);
    }
  });
  return out;
}

bool mentions(const fs::path& file, const std::string& what) { return slurp(file).find(what) != std::string::npos; }

// A case that shows the code: a golden expected output or an e2e script naming `[code]`.
bool has_case(const std::string& id) {
  if (fs::exists(kSource / "tests/errors" / id / "cmd")) return true;
  for (const char* dir : {"tests/e2e", "tests/lint", "tests/rules", "tests/errors"})
    for (const auto& e : fs::recursive_directory_iterator(kSource / dir)) {
      std::string name = e.path().filename().string();
      bool expected = name.rfind("expected", 0) == 0, script = e.path().extension() == ".sh";
      if (e.is_regular_file() && (expected || script) && mentions(e.path(), "[" + id + "]")) return true;
    }
  return false;
}

}  // namespace

TEST_CASE("codes: sorted, named after their id, one-line summaries and explanations in both languages") {
  const auto& all = all_codes();
  CHECK(all.size() >= 40);
  for (size_t i = 0; i < all.size(); ++i) {
    const CodeInfo& c = all[i];
    CAPTURE(c.id);
    CHECK(is_valid_id(c.id));
    if (i > 0) CHECK(std::string_view(all[i - 1].id) < std::string_view(c.id));
    CHECK(find_code(c.id) == &c);
    CHECK_FALSE(rules::find_any_rule(c.id));  // a code is never also a rule
    for (const char* summary : {c.summary.sv, c.summary.en}) {
      CHECK(std::string_view(summary).size() > 0);
      CHECK(std::string_view(summary).find('\n') == std::string_view::npos);
    }
    std::string_view sv = c.explanation.sv, en = c.explanation.en;
    for (const char* part : {"Vad: ", "\n\nVarför: ", "\n\nRätta: "}) CHECK(sv.find(part) != sv.npos);
    for (const char* part : {"What: ", "\n\nWhy: ", "\n\nFix: "}) CHECK(en.find(part) != en.npos);
  }
  CHECK_FALSE(find_code("no-such-code"));
  CHECK(find_code("field-required") == find_code(code::field_required.id));
  CHECK(std::string_view(code::field_required) == "field-required");
#define CODE(name, id, group, summary_sv, summary_en, explanation_sv, explanation_en) \
  CHECK(std::regex_replace(std::string(#name), std::regex("_"), "-") == id);
#include "core/codes.def"
#undef CODE
}

TEST_CASE("codes: every code the sources emit is in the table, and every entry is emitted") {
  auto emitted = emitted_codes();
  CHECK(emitted.size() >= 40);
  for (const auto& [id, files] : emitted) {
    CAPTURE(id);
    CAPTURE(*files.begin());
    CHECK_MESSAGE(find_code(id), "add the code to lib/core/codes.def");
  }
  for (const CodeInfo& c : all_codes()) {
    CAPTURE(c.id);
    CHECK_MESSAGE(emitted.count(c.id), "no source emits this code: remove it from lib/core/codes.def");
  }
}

TEST_CASE("codes: every code has a catalogue case, and every validation code a row in tests/errors/README.md") {
  std::string readme = slurp(kSource / "tests/errors/README.md");
  for (const CodeInfo& c : all_codes()) {
    CAPTURE(c.id);
    CHECK_MESSAGE(has_case(c.id), "add tests/errors/<code>/ (cmd, repo/, expected) or a test in tests/e2e/bad_input.sh");
    if (c.group == CodeGroup::validation)
      CHECK(readme.find(std::string("| [`") + c.id + "`]") != std::string::npos);
  }
  for (const auto& e : fs::directory_iterator(kSource / "tests/errors")) {
    if (!e.is_directory()) continue;
    std::string id = e.path().filename().string();
    CAPTURE(id);
    const CodeInfo* c = find_code(id);
    CHECK_MESSAGE((c && c->group == CodeGroup::validation), "tests/errors/ holds a case for no validation code");
  }
}
