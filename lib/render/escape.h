// Escaping text for the output formats: every value from the data goes
// through one of these before it is written.
#pragma once

#include <string>
#include <string_view>

namespace sv::render {

// HTML text and attribute values: & < > " '.
std::string escape_html(std::string_view s);
// GitHub-flavoured Markdown, safe inline and in table cells: backslash-escapes
// the characters that start emphasis, links, code, HTML, tables and
// strikethrough (\ ` * _ [ ] < > | ~ &), and a block marker at the start of
// the value ("# ", "- ", "+ ", "1. ", "1) ", "---", "=="); line breaks become
// "<br>", so a value never leaves its line or table cell.
std::string escape_md(std::string_view s);
// An RFC 5545 TEXT value: \ ; , and line breaks.
std::string escape_ics(std::string_view s);
// One content line folded at 75 octets (never inside a UTF-8 character),
// each physical line ended by CRLF.
std::string fold_ics(std::string_view line);

}  // namespace sv::render
