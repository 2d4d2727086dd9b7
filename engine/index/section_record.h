// Index stage: what the index keeps of a section besides its terms (title, anchor, text, HTML,
// tiers, ...), written by the indexer and read back by the search stage to show a hit.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace anticipa::index {

/// What a search hit needs to show without opening the file again: the short fields as compact
/// document data (length-prefixed; older indexes' JSON is still read), the text and HTML in
/// value slots (schema.h).
struct SectionRecord {
    std::string id, locale, title, heading, anchor, path, text, html, category, updated;
    std::vector<std::string> tags, tiers;
    int level = 0;
    int section = 0;
    bool learned = true;  ///< front matter `learned:`; false keeps learned phrasings off the article
};

/// Stores the record in a document: short fields as data, text and HTML as values.
void store_record(Xapian::Document& document, const SectionRecord& record);

enum class RecordParts { SHORT_FIELDS, WITH_TEXT, WITH_TEXT_AND_HTML };

/// Reads the record back; the text and HTML only when asked for.
SectionRecord read_record(const Xapian::Document& document, RecordParts parts = RecordParts::SHORT_FIELDS);

}  // namespace anticipa::index
