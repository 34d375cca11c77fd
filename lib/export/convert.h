// Documents in the formats organisations hand over — Word (DOCX) and PDF —
// made from render's HTML by an external engine from Debian, which is an
// optional runtime tool: pandoc for DOCX (with the repository's reference
// document for its look), headless Chromium for PDF (printing with the print
// stylesheet, page numbers from its @page rules).
//
// The HTML is masked (core/privacy.h) on its way to the engine: it is
// written into a private temporary directory through privacy::write_file, so
// the engine never sees a personnummer, and its binary result can be written
// with privacy::write_binary_file.
#pragma once

#include <optional>
#include <string>

#include "core/dates.h"

namespace sv::exports {

struct ConvertOptions {
  Date today;                                 // the documents' dates: SOURCE_DATE_EPOCH for pandoc, the PDF's
  std::optional<std::string> reference_docx;  // templates/reference.docx, as read
  int timeout_seconds = 120;
};

// Each throws SystemError: the engine is missing (naming its Debian
// package), failed, or took longer than the time limit.
std::string html_to_docx(const std::string& html, const ConvertOptions& o);
std::string html_to_pdf(const std::string& html, const ConvertOptions& o);

}  // namespace sv::exports
