#include "search/query_builder.h"

#include "common/utf8.h"
#include "index/schema.h"
#include "search/article_reader.h"
#include "search/spelling.h"

#include <algorithm>
#include <cctype>

namespace anticipa::search {

using analysis::match_key;
using analysis::Token;
using analysis::TokenKind;
using namespace anticipa::index;

namespace {

/// Spelling corrections replace a word the index does not know at all.
constexpr double CORRECTION_WEIGHT = 1.0;
/// A prefix expands to at most this many of its most frequent completions: unbounded expansion
/// lets one short prefix cost seconds.
constexpr Xapian::termcount MAX_PREFIX_EXPANSION = 30;
/// Two letters match too much to be worth expanding ("co" cost 6 ms at 100k sections).
constexpr std::size_t MIN_PREFIX_LENGTH = 3;

Xapian::Query any_of(const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query();
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query scaled(const Xapian::Query& query, double factor) {
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, factor);
}

/// Stop words are matched (at a lower weight) but not highlighted: a snippet with every "a", "to"
/// and "na" marked points at nothing. A question of stop words only ("to be or not") marks them.
bool highlighted(const Token& word, bool only_stop_words) {
    return !word.stop || only_stop_words;
}

bool ends_with_space(const std::string& text) {
    return !text.empty() && std::isspace(static_cast<unsigned char>(text.back()));
}

}  // namespace

/// Step 1: the analyzed query.
struct QueryBuilder::Words {
    std::vector<Token> tokens;      ///< words and Chinese n-grams, as the analyzer made them
    std::vector<Token> words;       ///< without the n-grams
    bool only_stop_words = false;   ///< then stop words count in full: they are the whole question
    bool typing_last_word = false;  ///< the last word may be unfinished: it also matches as a prefix
    bool correct_spelling = true;   ///< unknown words may be corrected
};

/// The query taking shape, word by word.
struct QueryBuilder::Parts {
    std::vector<Xapian::Query> first_phase;
    std::vector<Xapian::Query> required;  ///< every_word: one query per word that is not a stop word
    std::vector<bool> known;              ///< per required word: the index knows it as typed
    std::vector<TitleWord> title_words;
    std::vector<SpellingCandidate> corrections;  ///< unknown words with a likely correction, in order
    std::set<std::size_t> synonym_groups_used;
    BuiltQuery built;
};

QueryBuilder::Words QueryBuilder::read_words(const SearchRequest& request) const {
    Words words;
    words.tokens = analyzer_.analyze(request.query);
    for (const Token& token : words.tokens)
        if (token.kind != TokenKind::NGRAM) words.words.push_back(token);
    words.only_stop_words = std::all_of(words.words.begin(), words.words.end(), [](const Token& t) { return t.stop; });
    words.typing_last_word = request.prefix_last_word && !ends_with_space(request.query);
    words.correct_spelling = request.correct_spelling && !request.every_word;
    return words;
}

Xapian::Query QueryBuilder::word_query(const Token& word, const std::vector<Token>& tokens) const {
    std::vector<Xapian::Query> forms{Xapian::Query(PREFIX_STEM + word.stem)};
    // The accent-free form lets spellings with and without accents meet, at a share of the
    // word's weight: at full weight an accented word counted two or three times over an
    // unaccented one (at full weight: -0.6 points of nDCG@10 on aia-bde-dev, -0.3 to -0.4 on the
    // Spanish, Italian and pt-BR sets; README, "Ablation").
    auto accent_free = [&](const std::string& stem) {
        return scaled(Xapian::Query(PREFIX_FOLDED + stem), ranking_.accent_free_weight);
    };
    if (!word.folded_stem.empty()) {
        // Written with accents: documents with the same accents also match the accent-free form
        // and rank first.
        forms.push_back(accent_free(word.folded_stem));
        // Spanish's stemmer drops accents itself ("población" -> "poblacion"): the same term
        // counts once.
        if (word.folded_stem != word.stem) forms.emplace_back(PREFIX_STEM + word.folded_stem);
    } else if (word.kind == TokenKind::WORD) {
        // Written without accents: meets the accent-free form of accented words.
        forms.push_back(accent_free(word.stem));
    }
    // A Chinese word also matches through its n-grams, at a share of its weight: they find the
    // word where the article's text was cut differently, but matching the word itself says more.
    std::vector<Xapian::Query> bigrams, characters;
    for (const Token& ngram : tokens) {
        if (ngram.kind != TokenKind::NGRAM || ngram.position != word.position) continue;
        if (!analysis::is_character(ngram)) bigrams.emplace_back(PREFIX_STEM + ngram.stem);
        // A stop word's characters (的, 是) are in nearly every section: slower, and no better.
        // A character in more sections than character_max_sections is left out too: a cost bound.
        else if (!word.stop && db_.get_termfreq(PREFIX_CHARACTER + ngram.term) <= ranking_.character_max_sections)
            characters.emplace_back(PREFIX_CHARACTER + ngram.term);
    }
    if (!bigrams.empty() && ranking_.bigram_weight > 0)
        forms.push_back(scaled(any_of(bigrams), ranking_.bigram_weight));
    if (!characters.empty() && ranking_.character_weight > 0)
        forms.push_back(scaled(any_of(characters), ranking_.character_weight));
    // What customers found with this word before (learn/): "coronavirus" meets the article its
    // askers chose, titled "COVID-19". Only where the field holds the word, so an index without
    // learned phrasings gets exactly the query it got before the field existed.
    if (!word.stop && ranking_.learned_weight > 0 && word.kind != TokenKind::NGRAM) {
        const std::string learned = PREFIX_LEARNED + match_key(word);
        if (db_.get_termfreq(learned) > 0) forms.push_back(scaled(Xapian::Query(learned), ranking_.learned_weight));
    }
    return any_of(forms);
}

Xapian::Query QueryBuilder::synonym_query(const std::vector<Token>& phrase, std::set<std::string>& match_keys) const {
    // Stop words inside a phrase ("acessar a conta") would make Xapian check positions in
    // nearly every document; the other words, near each other, say the same at a fraction.
    std::vector<Token> words;
    for (const Token& token : phrase)
        if (!token.stop) words.push_back(token);
    if (words.empty()) words = phrase;
    for (const Token& token : words) match_keys.insert(match_key(token));
    if (words.size() == 1) return word_query(words.front(), words);
    std::vector<Xapian::Query> terms;
    for (const Token& token : words) terms.emplace_back(token.term);
    return Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(phrase.size() + 1));
}

Xapian::Query QueryBuilder::prefix_query(const Token& word) const {
    return Xapian::Query(Xapian::Query::OP_WILDCARD, word.term, MAX_PREFIX_EXPANSION,
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
}

Xapian::Query QueryBuilder::stem_family(const Token& word) const {
    // Snowball keeps some of a word's family apart: "infected" stems to "infect" but
    // "infectious" to "infecti". The stems that begin with the customer's stem find them.
    if (word.kind != TokenKind::WORD || count_code_points(word.stem) < ranking_.expansion_min_length)
        return Xapian::Query();
    Xapian::Query family(Xapian::Query::OP_WILDCARD, PREFIX_STEM + word.stem,
                         static_cast<Xapian::termcount>(ranking_.expansion_terms),
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    return scaled(family, ranking_.expansion_weight);
}

bool QueryBuilder::is_unknown(const Token& word) const {
    if (word.kind != TokenKind::WORD) return false;
    if (db_.get_termfreq(PREFIX_STEM + word.stem) > 0) return false;
    if (db_.get_termfreq(PREFIX_FOLDED + match_key(word)) > 0) return false;
    return word.folded_stem.empty() || db_.get_termfreq(PREFIX_STEM + word.folded_stem) == 0;
}

void QueryBuilder::add_required(const Xapian::Query& query, bool known, Parts& parts) {
    parts.required.push_back(query);
    parts.known.push_back(known);
}

void QueryBuilder::add_synonym_match(const Words& words, std::size_t at, std::size_t length, std::size_t group,
                                     Parts& parts) const {
    // Stop words still count, at a lower weight (RankingOptions::stop_word_weight): in questions
    // they carry the intent ("where did it start" vs "when did it start"), which FAQ titles
    // repeat. Synonyms widen the query but should not outrank the customer's own words.
    for (std::size_t k = at; k < at + length; ++k) {
        const Token& word = words.words[k];
        if (word.stop && length > 1) continue;
        if (highlighted(word, words.only_stop_words)) parts.built.match_keys.insert(match_key(word));
        parts.first_phase.push_back(word_query(word, words.tokens));
        if (!word.stop) add_required(parts.first_phase.back(), true, parts);  // in a synonym group: a word of ours
    }
    // The other phrasings of the group, once per query: the typed one is already in.
    if (!parts.synonym_groups_used.insert(group).second) return;
    std::vector<Xapian::Query> alternatives;
    for (const auto& phrase : analyzer_.synonyms().group(group))
        if (!analysis::SynonymTable::same_phrase(phrase, words.words, at, length))
            alternatives.push_back(synonym_query(phrase, parts.built.match_keys));
    if (!alternatives.empty()) parts.first_phase.push_back(scaled(any_of(alternatives), ranking_.synonym_weight));
}

void QueryBuilder::add_word(const Words& words, std::size_t at, Parts& parts) const {
    const Token& word = words.words[at];
    if (highlighted(word, words.only_stop_words)) parts.built.match_keys.insert(match_key(word));
    if (word.kind == TokenKind::IDEOGRAPHIC)
        for (const Token& ngram : words.tokens)
            if (ngram.kind == TokenKind::NGRAM && ngram.position == word.position && !analysis::is_character(ngram))
                parts.built.match_keys.insert(ngram.term);  // not characters: every 的 would be highlighted
    Xapian::Query query = word_query(word, words.tokens);

    const bool is_last = at + 1 == words.words.size();
    if (is_last && words.typing_last_word && word.kind != TokenKind::IDEOGRAPHIC &&
        count_code_points(word.term) >= MIN_PREFIX_LENGTH) {
        if (highlighted(word, words.only_stop_words)) parts.built.prefix = word.term;
        query = Xapian::Query(Xapian::Query::OP_OR, query, prefix_query(word));
        if (db_.allterms_begin(word.term) != db_.allterms_end(word.term)) {  // a word being typed is not a typo
            parts.first_phase.push_back(query);
            if (!word.stop) add_required(query, true, parts);
            return;
        }
    }
    const bool unknown = !word.stop && is_unknown(word);
    if (!word.stop) add_required(query, !unknown, parts);
    if (unknown && words.correct_spelling) {
        if (auto candidate = correction_of(word)) {
            candidate->part = parts.first_phase.size();
            candidate->content = parts.required.size() - 1;
            parts.corrections.push_back(std::move(*candidate));
        }
    }
    if (word.stop && !words.only_stop_words) {
        query = scaled(query, ranking_.stop_word_weight);
    } else if (ranking_.expansion_weight > 0) {
        Xapian::Query family = stem_family(word);
        if (!family.empty()) query = Xapian::Query(Xapian::Query::OP_OR, query, family);
    }
    if (ranking_.title_weight > 0)
        parts.title_words.push_back(
            {PREFIX_TITLE_STEM + match_key(word),
             ranking_.title_weight * (word.stop && !words.only_stop_words ? ranking_.title_stop_word_weight : 1)});
    parts.first_phase.push_back(query);
}

std::optional<SpellingCandidate> QueryBuilder::correction_of(const Token& word) const {
    auto suggestion = likely_correction(db_, word.term);
    if (!suggestion) return std::nullopt;
    auto suggested = analyzer_.analyze(*suggestion);
    if (suggested.empty()) return std::nullopt;
    SpellingCandidate candidate;
    candidate.word = word;
    candidate.suggestion = *suggestion;
    candidate.query = word_query(suggested.front(), suggested);
    candidate.match_key = match_key(suggested.front());
    return candidate;
}

void QueryBuilder::add_corrections(const SearchRequest& request, Parts& parts) const {
    if (parts.corrections.empty()) return;
    std::vector<Xapian::Query> own(parts.first_phase);
    const std::vector<SpellingCandidate> kept =
        likely_corrections(db_, parts.corrections, {parts.required, parts.known}, parts.built.filter);
    if (kept.empty()) return;
    std::string corrected = request.query;
    std::ptrdiff_t shift = 0;  // how much the corrections so far moved byte offsets
    for (const SpellingCandidate& correction : kept) {
        Xapian::Query& part = parts.first_phase[correction.part];
        part = Xapian::Query(Xapian::Query::OP_OR, part, scaled(correction.query, CORRECTION_WEIGHT));
        parts.built.match_keys.insert(correction.match_key);
        const Token& word = correction.word;
        corrected.replace(static_cast<std::size_t>(word.begin + shift), word.end - word.begin, correction.suggestion);
        shift += static_cast<std::ptrdiff_t>(correction.suggestion.size()) - (word.end - word.begin);
    }
    parts.built.corrected = corrected;
    parts.built.own_words = any_of(own);
}

SecondPhase QueryBuilder::second_phase(const Words& words, const Parts& parts, const SearchRequest& request) const {
    SecondPhase second;
    if (request.every_word) return second;
    second.title_words = parts.title_words;
    if (ranking_.learned_match_weight > 0 && db_.get_value_freq(SLOT_LEARNED_KEYS) > 0)
        for (const Token& word : words.words)
            if (!word.stop) second.learned_keys.push_back(match_key(word));
    if (ranking_.proximity_weight <= 0) return second;
    // "how long does the virus live on surfaces": the pairs (virus, live) and (live, surfaces)
    // near each other say more than the words scattered over a section. Stop words are left
    // out: a pair with "the" is near something in nearly every section.
    std::vector<const Token*> content;
    for (const Token& word : words.words)
        if (!word.stop && word.term.size() <= MAX_TERM_BYTES &&
            db_.get_termfreq(word.term) <= ranking_.proximity_max_sections)
            content.push_back(&word);
    for (std::size_t i = 0; i + 1 < content.size(); ++i)
        if (content[i]->term != content[i + 1]->term)
            second.near_pairs.push_back({content[i]->term, content[i + 1]->term});
    return second;
}

Xapian::Query filter_of(const SearchRequest& request) {
    // Writers previewing drafts see any status; everyone else only what visible_to() allows.
    std::vector<Xapian::Query> filters{request.include_drafts ? Xapian::Query(PREFIX_TIER + request.tier)
                                                              : visible_to(request.tier)};
    for (const auto& tag : request.tags) filters.emplace_back(PREFIX_TAG + tag);
    if (!request.category.empty()) filters.emplace_back(PREFIX_CATEGORY + request.category);
    return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

BuiltQuery QueryBuilder::build(const SearchRequest& request) const {
    const Words words = read_words(request);  // 1
    Parts parts;
    parts.built.filter = filter_of(request);            // 5, first: spelling checks what this customer may see
    for (std::size_t i = 0; i < words.words.size();) {  // 2
        // Synonyms are matched before stop words are dropped: "log in" holds a stop word.
        if (auto match = analyzer_.synonyms().match(words.words, i)) {
            add_synonym_match(words, i, match->length, match->group, parts);
            i += match->length;
        } else {
            add_word(words, i++, parts);
        }
    }
    if (request.every_word) {  // what the words themselves match: no corrections, no second phase
        parts.built.first_phase =
            !parts.required.empty() ? Xapian::Query(Xapian::Query::OP_AND, parts.required.begin(), parts.required.end())
                                    : any_of(parts.first_phase);
        return std::move(parts.built);
    }
    add_corrections(request, parts);                                 // 3
    parts.built.second_phase = second_phase(words, parts, request);  // 4
    parts.built.first_phase = any_of(parts.first_phase);
    return std::move(parts.built);
}

}  // namespace anticipa::search
