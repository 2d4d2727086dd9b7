#include "index/document_builder.h"

#include "analysis/normalizer.h"
#include "analysis/synonym_table.h"
#include "common/content_hash.h"
#include "index/learned_keys.h"
#include "index/schema.h"

#include <algorithm>

namespace anticipa::index {

using analysis::Token;
using analysis::TokenKind;

namespace {

/// Tokens of a text analyzed from position 1; shifted to where the field lands in a document.
using FieldTokens = std::vector<Token>;

/// Adds the terms of fields; each field's positions start past the previous one plus a gap.
class FieldIndexer {
  public:
    explicit FieldIndexer(Xapian::Document& document) : document_(document) {}

    void add(const FieldTokens& tokens, Xapian::termcount weight, const std::string& field_prefix) {
        const Xapian::termpos offset = next_position_ - 1;
        for (const Token& token : tokens) {
            if (token.term.size() > MAX_TERM_BYTES) continue;
            if (analysis::is_character(token)) {
                document_.add_term(PREFIX_CHARACTER + token.term, weight);
                continue;
            }
            if (token.kind == TokenKind::NGRAM) {
                document_.add_term(token.term, weight);
            } else {
                document_.add_posting(token.term, token.position + offset, weight);
                last_position_ = std::max(last_position_, token.position + offset);
            }
            document_.add_term(PREFIX_STEM + token.stem, weight);
            if (!token.folded_stem.empty()) document_.add_term(PREFIX_FOLDED + token.folded_stem, weight);
            if (field_prefix == PREFIX_TITLE) {
                document_.add_boolean_term(field_prefix + token.term);
                document_.add_term(PREFIX_TITLE_STEM + analysis::match_key(token));
            }
        }
        next_position_ = last_position_ + FIELD_GAP;
    }

  private:
    Xapian::Document& document_;
    Xapian::termpos next_position_ = 1;
    Xapian::termpos last_position_ = 1;
};

/// Each learned phrasing's words as accent-free stems, sorted and unique, without stop words:
/// they say which words find the article, not how customers strung them together. Chinese
/// n-grams are left out: the dictionary word stands for them. "How do I reset my pw" -> reset pw.
std::vector<std::vector<std::string>> learned_keys(const std::vector<FieldTokens>& learned) {
    std::vector<std::vector<std::string>> phrasings;
    for (const FieldTokens& phrasing : learned) {
        auto& keys = phrasings.emplace_back();
        for (const Token& token : phrasing) {
            if (token.stop || token.kind == TokenKind::NGRAM) continue;
            const std::string& key = analysis::match_key(token);
            if (!key.empty() && key.size() <= MAX_TERM_BYTES) keys.push_back(key);
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    }
    return phrasings;
}

/// The learned field, word by word ("XLreset XLpw"), and each phrasing whole for the second phase.
void add_learned(Xapian::Document& document, const std::vector<std::vector<std::string>>& learned) {
    for (const auto& keys : learned)
        for (const std::string& key : keys) document.add_term(PREFIX_LEARNED + key, WEIGHT_LEARNED);
    if (std::string value = encode_learned_keys(learned); !value.empty())
        document.add_value(SLOT_LEARNED_KEYS, std::move(value));
}

}  // namespace

std::string learned_digest(const std::vector<std::string>& learned) {
    if (learned.empty()) return "";
    std::vector<std::string> sorted(learned);
    std::sort(sorted.begin(), sorted.end());
    std::string joined;
    for (const auto& phrasing : sorted) joined += phrasing + '\n';
    return content_hash(joined);
}

std::string unique_term(const std::string& locale, const std::string& id, const std::string& anchor) {
    return PREFIX_UNIQUE + locale + ":" + id + "#" + anchor;
}

std::string file_term(const std::string& path) {
    if (PREFIX_FILE.size() + path.size() <= MAX_TERM_BYTES) return PREFIX_FILE + path;
    return PREFIX_FILE + "#" + content_hash(path);
}

bool is_spelling_word(const std::string& term) {
    if (term.size() < 3 || analysis::has_han(term)) return false;
    return std::none_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<Xapian::Document> build_article_documents(const article::Article& article,
                                                      const analysis::Analyzer& analyzer,
                                                      const std::vector<std::string>& learned) {
    const auto& meta = article.meta;
    const FieldTokens title = analyzer.analyze(meta.title);
    const auto title_length = std::count_if(title.begin(), title.end(), [](const Token& token) {
        return token.term.size() <= MAX_TERM_BYTES && !analysis::is_character(token);
    });
    std::vector<FieldTokens> questions;
    for (const auto& question : meta.questions) questions.push_back(analyzer.analyze(question));
    std::vector<FieldTokens> learned_tokens;
    for (const auto& phrasing : learned) learned_tokens.push_back(analyzer.analyze(phrasing));
    const std::vector<std::vector<std::string>> learned_words = learned_keys(learned_tokens);
    const std::string digest = learned_digest(learned);

    std::vector<Xapian::Document> documents;
    for (std::size_t section = 0; section < article.sections.size(); ++section) {
        const auto& part = article.sections[section];
        Xapian::Document& document = documents.emplace_back();
        FieldIndexer fields(document);
        fields.add(title, WEIGHT_TITLE, PREFIX_TITLE);
        for (const auto& question : questions) fields.add(question, WEIGHT_QUESTION, "");
        if (!part.heading.empty()) fields.add(analyzer.analyze(part.heading), WEIGHT_HEADING, "");
        fields.add(analyzer.analyze(part.text), WEIGHT_BODY, "");
        add_learned(document, learned_words);

        document.add_boolean_term(unique_term(meta.locale, meta.id, part.anchor));
        document.add_boolean_term(PREFIX_ARTICLE + meta.id);
        document.add_boolean_term(file_term(article.path));
        document.add_boolean_term(PREFIX_LOCALE + meta.locale);
        document.add_boolean_term(PREFIX_STATUS + (meta.draft ? "draft" : "published"));
        for (const auto& tier : meta.tiers) document.add_boolean_term(PREFIX_TIER + tier);
        for (const auto& tag : meta.tags) document.add_boolean_term(PREFIX_TAG + tag);
        if (!meta.category.empty()) document.add_boolean_term(PREFIX_CATEGORY + meta.category);
        for (const auto& route : meta.context) document.add_boolean_term(PREFIX_CONTEXT + route);

        document.add_value(SLOT_TITLE_LENGTH, Xapian::sortable_serialise(static_cast<double>(title_length)));
        document.add_value(SLOT_ARTICLE, meta.id);
        document.add_value(SLOT_FILE_HASH, article.content_hash);
        document.add_value(SLOT_SECTION, Xapian::sortable_serialise(static_cast<double>(section)));
        if (!meta.updated.empty()) document.add_value(SLOT_UPDATED, meta.updated);
        if (!digest.empty()) document.add_value(SLOT_LEARNED, digest);

        SectionRecord record{
            meta.id,   meta.locale,   meta.title,   part.heading, part.anchor, article.path, part.text,
            part.html, meta.category, meta.updated, meta.tags,    meta.tiers,  part.level,   static_cast<int>(section)};
        record.learned = meta.learned;
        store_record(document, record);
    }
    return documents;
}

}  // namespace anticipa::index
