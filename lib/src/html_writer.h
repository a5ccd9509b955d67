// The HTML report (--format html): one page for all documents, each with its
// text (mentions marked in their type's color, under a legend), a table of
// its entities grouped by type, and a table of its agreements.
//
// The page is one file that can be mailed or archived: its style is inline,
// it has no script and loads nothing. Every text and attribute value that
// comes from the input is escaped, and a Content Security Policy forbids
// scripts should anything ever slip through.
#ifndef LEDE_SRC_HTML_WRITER_H_
#define LEDE_SRC_HTML_WRITER_H_

#include <string>
#include <utility>
#include <vector>

#include "lede/document.h"

namespace lede {

// The page up to the first document: head, style, report heading.
std::string HtmlPageStart();

// One document's section of the page. Thread-safe.
std::string HtmlDocument(const Document& doc);

// The rest of the page: a footer naming lede's version and the rule packs.
std::string HtmlPageEnd(const std::vector<std::pair<std::string, std::string>>& packs);

// `text` with the five characters HTML gives meaning escaped (& < > " '),
// safe both in text and in quoted attribute values.
std::string HtmlEscape(std::string_view text);

}  // namespace lede

#endif  // LEDE_SRC_HTML_WRITER_H_
