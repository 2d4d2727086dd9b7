#include "search/query_builder.h"

#include "common/utf8.h"
#include "index/schema.h"
#include "search/article_reader.h"
#include "search/proximity_match.h"
#include "search/title_match.h"

#include <algorithm>
#include <cctype>

namespace anticipa::search {

using analysis::Token;
using analysis::TokenKind;
using namespace anticipa::index;

namespace {

// Stop words still count, at a lower weight (RankingOptions::stop_word_weight): in questions
// they carry the intent ("where did it start" vs "when did it start"), which FAQ titles repeat.
// Dropping them cost 12 points of nDCG@10 on covidfaq and 2 on aia-bde-dev; full weight cost 2
// on squad-it-dev. Synonyms widen the query but should not outrank the customer's own words.
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

bool ends_with_space(const std::string& text) {
    return !text.empty() && std::isspace(static_cast<unsigned char>(text.back()));
}

}  // namespace

const std::string& match_key_of(const Token& token) {
    return token.folded_stem.empty() ? token.stem : token.folded_stem;
}

Xapian::Query QueryBuilder::word_query(const Token& word, const std::vector<Token>& tokens) const {
    std::vector<Xapian::Query> forms{Xapian::Query(PREFIX_STEM + word.stem)};
    // The accent-free form lets spellings with and without accents meet, at a share of the
    // word's weight: at full weight an accented word counted two or three times over an
    // unaccented one (at full weight: -0.6 points of nDCG@10 on aia-bde-dev, -0.3 to -0.4 on the
    // Spanish, Italian and pt-BR sets; README, "Ablation").
    auto accent_free = [&](const std::string& stem) {
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(PREFIX_FOLDED + stem),
                             ranking_.accent_free_weight);
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
        forms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, any_of(bigrams), ranking_.bigram_weight);
    if (!characters.empty() && ranking_.character_weight > 0)
        forms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, any_of(characters), ranking_.character_weight);
    return any_of(forms);
}

Xapian::Query QueryBuilder::synonym_query(const std::vector<Token>& phrase, BuiltQuery& built) const {
    // Stop words inside a phrase ("acessar a conta") would make Xapian check positions in
    // nearly every document; the other words, near each other, say the same at a fraction.
    std::vector<Token> words;
    for (const Token& token : phrase)
        if (!token.stop) words.push_back(token);
    if (words.empty()) words = phrase;
    for (const Token& token : words) built.match_keys.insert(match_key_of(token));
    if (words.size() == 1) return word_query(words.front(), words);
    std::vector<Xapian::Query> terms;
    for (const Token& token : words) terms.emplace_back(token.term);
    return Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(phrase.size() + 1));
}

std::vector<Xapian::Query> QueryBuilder::proximity_pairs(const std::vector<Token>& words) const {
    // "how long does the virus live on surfaces": the pairs (virus, live) and (live, surfaces)
    // near each other say more than the words scattered over a section. Stop words are left
    // out: a pair with "the" is near something in nearly every section.
    std::vector<const Token*> content;
    for (const Token& word : words)
        if (!word.stop && word.kind != TokenKind::NGRAM && word.term.size() <= MAX_TERM_BYTES &&
            db_.get_termfreq(word.term) <= ranking_.proximity_max_sections)
            content.push_back(&word);
    std::vector<Xapian::Query> pairs;
    const auto window = static_cast<Xapian::termcount>(ranking_.proximity_window);
    for (std::size_t i = 0; i + 1 < content.size(); ++i) {
        if (content[i]->term == content[i + 1]->term) continue;
        // Checked by our own posting source, not OP_NEAR: see search/proximity_match.h.
        Xapian::Query pair = near_pair_query(db_, content[i]->term, content[i + 1]->term, window,
                                             ranking_.proximity_weight, ranking_.k1, ranking_.b);
        if (!pair.empty()) pairs.push_back(std::move(pair));
    }
    return pairs;
}

Xapian::Query QueryBuilder::expansion_query(const Token& word) const {
    // Snowball keeps some of a word's family apart: "infected" stems to "infect" but
    // "infectious" to "infecti". The stems that begin with the customer's stem find them.
    if (word.kind != TokenKind::WORD || count_code_points(word.stem) < ranking_.expansion_min_length)
        return Xapian::Query();
    Xapian::Query family(Xapian::Query::OP_WILDCARD, PREFIX_STEM + word.stem,
                         static_cast<Xapian::termcount>(ranking_.expansion_terms),
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, family, ranking_.expansion_weight);
}

bool QueryBuilder::is_unknown(const Token& word) const {
    if (word.kind != TokenKind::WORD) return false;
    if (db_.get_termfreq(PREFIX_STEM + word.stem) > 0) return false;
    if (db_.get_termfreq(PREFIX_FOLDED + match_key_of(word)) > 0) return false;
    return word.folded_stem.empty() || db_.get_termfreq(PREFIX_STEM + word.folded_stem) == 0;
}

BuiltQuery QueryBuilder::build(const SearchRequest& request) const {
    BuiltQuery built;
    std::vector<Token> tokens = analyzer_.analyze(request.query);
    std::vector<Token> words;
    for (const Token& token : tokens)
        if (token.kind != TokenKind::NGRAM) words.push_back(token);
    const bool only_stop_words = std::all_of(words.begin(), words.end(), [](const Token& t) { return t.stop; });
    const bool typing_last_word = request.prefix_last_word && !ends_with_space(request.query);

    std::vector<Xapian::Query> parts, corrections;
    std::vector<Xapian::Query> required;  // every_word: one query per word that is not a stop word
    std::vector<TitleWord> title_words;
    std::set<std::size_t> synonym_groups_used;
    std::string corrected = request.query;
    std::ptrdiff_t shift = 0;  // how much the corrections so far moved byte offsets
    for (std::size_t i = 0; i < words.size();) {
        const Token& word = words[i];
        // Synonyms are matched before stop words are dropped: "log in" holds a stop word.
        if (auto match = analyzer_.synonyms().match(words, i)) {
            for (std::size_t k = i; k < i + match->length; ++k) {
                if (words[k].stop && match->length > 1) continue;
                built.match_keys.insert(match_key_of(words[k]));
                parts.push_back(word_query(words[k], tokens));
                if (!words[k].stop) required.push_back(parts.back());
            }
            // The other phrasings of the group, once per query: the typed one is already in.
            if (synonym_groups_used.insert(match->group).second) {
                std::vector<Xapian::Query> alternatives;
                for (const auto& phrase : analyzer_.synonyms().group(match->group))
                    if (!analysis::SynonymTable::same_phrase(phrase, words, i, match->length))
                        alternatives.push_back(synonym_query(phrase, built));
                if (!alternatives.empty())
                    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, any_of(alternatives), ranking_.synonym_weight);
            }
            i += match->length;
            continue;
        }
        ++i;
        built.match_keys.insert(match_key_of(word));
        if (word.kind == TokenKind::IDEOGRAPHIC)
            for (const Token& ngram : tokens)
                if (ngram.kind == TokenKind::NGRAM && ngram.position == word.position && !analysis::is_character(ngram))
                    built.match_keys.insert(ngram.term);  // not characters: every 的 would be highlighted
        Xapian::Query query = word_query(word, tokens);

        const bool is_last = i == words.size();
        if (is_last && typing_last_word && word.kind != TokenKind::IDEOGRAPHIC &&
            count_code_points(word.term) >= MIN_PREFIX_LENGTH) {
            built.prefix = word.term;
            query = Xapian::Query(Xapian::Query::OP_OR, query,
                                  Xapian::Query(Xapian::Query::OP_WILDCARD, word.term, MAX_PREFIX_EXPANSION,
                                                Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT));
            auto completion = db_.allterms_begin(word.term);
            if (completion != db_.allterms_end(word.term)) {  // a word being typed is not a typo
                parts.push_back(query);
                if (!word.stop) required.push_back(query);
                continue;
            }
        }
        if (!word.stop) required.push_back(query);
        if (!word.stop && !request.every_word && is_unknown(word)) {
            const unsigned max_edits = count_code_points(word.term) >= 6 ? 2 : 1;
            std::string suggestion = db_.get_spelling_suggestion(word.term, max_edits);
            if (!suggestion.empty()) {
                auto suggested = analyzer_.analyze(suggestion);
                if (!suggested.empty()) {
                    built.match_keys.insert(match_key_of(suggested.front()));
                    Xapian::Query fix = word_query(suggested.front(), suggested);
                    corrections.push_back(fix);
                    query = Xapian::Query(Xapian::Query::OP_OR, query,
                                          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, fix, CORRECTION_WEIGHT));
                    corrected.replace(static_cast<std::size_t>(word.begin + shift), word.end - word.begin, suggestion);
                    shift += static_cast<std::ptrdiff_t>(suggestion.size()) - (word.end - word.begin);
                }
            }
        }
        if (word.stop && !only_stop_words) {
            query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, ranking_.stop_word_weight);
        } else if (ranking_.expansion_weight > 0) {
            Xapian::Query expansion = expansion_query(word);
            if (!expansion.empty()) query = Xapian::Query(Xapian::Query::OP_OR, query, expansion);
        }
        if (ranking_.title_weight > 0 && word.kind != TokenKind::NGRAM)
            title_words.push_back(
                {PREFIX_TITLE_STEM + match_key_of(word),
                 ranking_.title_weight * (word.stop && !only_stop_words ? ranking_.title_stop_word_weight : 1)});
        parts.push_back(query);
    }
    if (!title_words.empty() && !request.every_word) {
        Xapian::Query titles = title_match_query(db_, title_words, ranking_.k1, ranking_.title_b);
        if (!titles.empty()) parts.push_back(titles);
    }
    if (ranking_.proximity_weight > 0 && !request.every_word)
        for (Xapian::Query& pair : proximity_pairs(words)) parts.push_back(std::move(pair));
    built.text = request.every_word && !required.empty()
                     ? Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end())
                     : any_of(parts);
    if (!corrections.empty()) {
        built.corrected = corrected;
        built.corrected_text = any_of(corrections);
    }

    // Writers previewing drafts see any status; everyone else only what visible_to() allows.
    std::vector<Xapian::Query> filters{request.include_drafts ? Xapian::Query(PREFIX_TIER + request.tier)
                                                              : visible_to(request.tier)};
    for (const auto& tag : request.tags) filters.emplace_back(PREFIX_TAG + tag);
    if (!request.category.empty()) filters.emplace_back(PREFIX_CATEGORY + request.category);
    built.filter = Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
    return built;
}

}  // namespace anticipa::search
