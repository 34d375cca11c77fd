// The privacy boundary: no personnummer or samordningsnummer leaves
// samverkan unmasked (IMY; OSL 26:1). Every byte the tool writes — standard
// output, standard error, every file — goes through the edge below, which
// masks the last four digits of every number in the text ("640823-****")
// and counts them. tests/unit/test_privacy.cpp refuses any other way out
// (std::cout, std::cerr, ofstream, fwrite, write_file_atomic) in cli/ and lib/.
//
// The edge sees text as it is written. Text that would hide a number from it
// must be masked before it is transformed: cut to N characters
// ("640823-323…" shows three of the four secret digits), folded (ICS lines
// at 75 octets) or written in YAML's escapes (source lines quoted from a
// file: mask_yaml_source).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sv::privacy {

// The text with every personnummer masked, counted. Use it, not
// text.h's mask_personal_numbers, before a transform that could split a number.
std::string mask(std::string_view text);
// How many numbers have been masked since the process started.
size_t masked_count();

// Standard output, masked. Held back to the last line break (a number never
// spans lines), so one number written in two calls is still found.
void out(std::string_view text);
// Writes what is held back and flushes; false if standard output failed.
bool flush_out();
// Standard error, masked.
void err(std::string_view text);

// A file, masked, written atomically (core/fsutil.h); throws SystemError.
// `sync`: flushed to disk before the rename (off where a whole directory is
// swapped in afterwards, as render site does).
void write_file(const std::string& path, std::string_view content, bool make_dirs = false, bool sync = true);
// A binary file (XLSX, DOCX, PDF: zipped or compressed, so that the edge
// cannot read numbers in its bytes) made only from text that passed mask()
// first — export's cells (export/table.h), the HTML a converter was given
// through write_file (export/convert.h) — written atomically as it is. Never
// for bytes that did not come from masked text.
void write_binary_file(const std::string& path, std::string_view bytes, bool make_dirs = false);
// A new data file of the user's repository that the user asked for
// (`samverkan new`), written atomically and never over an existing file
// (false when one exists). Not masked, on purpose: it holds what the user
// gave and what the repository's other files already hold, and must load
// back as exactly that; masking would change the data. Everything said about
// it (the path printed, errors) goes through out/err and is masked.
// `replace`: over an existing file too (`init --force`); always true then.
bool create_data_file(const std::string& path, std::string_view content, bool replace = false);
// Appends to a file, masked; false (errno set) if it could not be written.
bool append_file(const std::string& path, std::string_view content);

// A personnummer that a YAML text holds once decoded but not as written: in a
// double-quoted scalar, written with escapes ("\x36\x34…", "\u0036…") or
// joined over an escaped line break. pos/len: the raw bytes from its first to
// its last digit; `secret`: the raw byte ranges [begin, end) that write its
// last four digits.
struct HiddenNumber {
  size_t pos = 0, len = 0;
  std::string masked;
  bool coordination = false;
  std::vector<std::pair<size_t, size_t>> secret;
};
std::vector<HiddenNumber> find_hidden_personal_numbers(std::string_view yaml);

// The YAML text with the bytes that write the last four digits of every
// number in it, as written or hidden, replaced by '*'; as long as the input,
// so that columns stay. For quoting source lines.
std::string mask_yaml_source(std::string_view yaml);

}  // namespace sv::privacy
