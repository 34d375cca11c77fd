// Escaping text for the output formats: every value from the data goes
// through one of these before it is written.
#pragma once

#include <string>
#include <string_view>

namespace sv::render {

// HTML text and attribute values: & < > " '.
std::string escape_html(std::string_view s);
// An HTML body with every run of digits joined by "-" or "–" (a date, a
// range such as 19–29, a phone number) in text, outside tags and <svg>,
// wrapped in <span class="nowrap">: a line may break after a hyphen, and a
// date must never break there. Linear in the size of the HTML.
std::string keep_numbers_whole(std::string_view html);
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
