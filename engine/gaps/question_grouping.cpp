#include "gaps/question_grouping.h"

#include "analysis/normalizer.h"
#include "common/locale_tag.h"
#include "common/utf8.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace anticipa::gaps {

namespace {

using analysis::Token;

/// Each synonym phrase replaced by the first phrase of its group ("recover password" -> "reset
/// password", "passcode" -> "password"), stop words of that phrase left out.
std::vector<Token> fold_synonyms(const analysis::SynonymTable& synonyms, const std::vector<Token>& words) {
    std::vector<Token> out;
    for (std::size_t at = 0; at < words.size();) {
        auto match = synonyms.match(words, at);
        if (!match) {
            out.push_back(words[at++]);
            continue;
        }
        for (const Token& token : synonyms.group(match->group).front())
            if (!token.stop) out.push_back(token);
        at += match->length;
    }
    return out;
}

std::vector<std::size_t> code_point_starts(const std::string& text) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!is_continuation_byte(text[i])) starts.push_back(i);
    return starts;
}

/// True when one insertion, deletion, substitution or swap of neighbours turns a into b.
bool within_one_edit(const std::u32string& a, const std::u32string& b) {
    if (a == b) return true;
    const std::u32string& longer = a.size() >= b.size() ? a : b;
    const std::u32string& shorter = a.size() >= b.size() ? b : a;
    if (longer.size() - shorter.size() > 1) return false;
    std::size_t first = 0;
    while (first < shorter.size() && longer[first] == shorter[first]) ++first;
    if (longer.size() != shorter.size())  // one extra letter at `first`
        return longer.compare(first + 1, std::u32string::npos, shorter, first) == 0;
    if (longer.compare(first + 1, std::u32string::npos, shorter, first + 1) == 0) return true;  // substitution
    return first + 1 < longer.size() && longer[first] == shorter[first + 1] && longer[first + 1] == shorter[first] &&
           longer.compare(first + 2, std::u32string::npos, shorter, first + 2) == 0;
}

/// True when the shorter is the start of the longer, a few letters short: stems of one word
/// that the stemmer leaves apart ("redefin" of redefinir, "redefinica" of redefinição).
bool stem_prefix(const std::u32string& a, const std::u32string& b, const MergeOptions& options) {
    const std::u32string& longer = a.size() >= b.size() ? a : b;
    const std::u32string& shorter = a.size() >= b.size() ? b : a;
    return longer.size() - shorter.size() <= options.max_suffix && longer.compare(0, shorter.size(), shorter) == 0;
}

bool same_term(const std::string& a, const std::string& b, const MergeOptions& options) {
    if (a == b) return true;
    const std::u32string left = code_points(a), right = code_points(b);
    if (std::min(left.size(), right.size()) < options.fuzzy_min_length) return false;
    return within_one_edit(left, right) || stem_prefix(left, right, options);
}

/// Strings two terms share when same_term may hold: the term and each of its one-letter
/// deletions ("reset" and "resset" share "reset"; "pasword" and "password" share "pasword"),
/// and its first letters (a stem and its longer form). Short terms only match exactly, so they
/// get their exact form alone.
std::vector<std::string> signatures(const std::string& term, const MergeOptions& options) {
    std::vector<std::string> out{"=" + term};
    const auto starts = code_point_starts(term);
    if (starts.size() < options.fuzzy_min_length) return out;
    const std::size_t prefix_end =
        starts.size() > options.fuzzy_min_length ? starts[options.fuzzy_min_length] : term.size();
    out.push_back("^" + term.substr(0, prefix_end));
    out.push_back("~" + term);
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : term.size();
        out.push_back("~" + term.substr(0, starts[k]) + term.substr(end));
    }
    return out;
}

}  // namespace

// Synonyms are folded twice: with the stop words
// (so "do not disturb" and "sign in" still match) and again without them (so "reset my
// password" meets "reset password"). Stop words are dropped unless the query is nothing else
// ("how do I" is still a question, if a vague one).
std::vector<std::string> question_terms(const analysis::Analyzer& analyzer, std::string_view query) {
    std::vector<Token> words;
    for (Token& token : analyzer.analyze(query))
        if (token.kind != analysis::TokenKind::NGRAM) words.push_back(std::move(token));  // bigrams repeat their word

    std::vector<Token> folded = fold_synonyms(analyzer.synonyms(), words);
    std::vector<Token> content;
    for (const Token& token : folded)
        if (!token.stop) content.push_back(token);
    if (!content.empty()) folded = fold_synonyms(analyzer.synonyms(), content);

    std::vector<std::string> terms;
    for (const Token& token : folded) terms.push_back(analysis::match_key(token));
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

QuestionKey question_key(analysis::AnalyzerSet& analyzers, const std::string& locale, std::string_view query) {
    QuestionKey result;
    result.language = locale.empty() ? "und" : language_of(locale);
    result.terms = question_terms(analyzers.for_locale(locale.empty() ? "und" : locale), query);
    if (result.terms.empty()) {
        // Punctuation or symbols only ("???", "@#!"): a group of its own rather than one for all.
        std::string text(query);
        text.erase(0, text.find_first_not_of(" \t\r\n"));
        text.erase(text.find_last_not_of(" \t\r\n") + 1);
        if (!text.empty()) result.terms.push_back(analysis::normalize_word(text));
    }
    result.key = result.language + ":";
    for (std::size_t i = 0; i < result.terms.size(); ++i) result.key += (i ? " " : "") + result.terms[i];
    return result;
}

double term_overlap(const std::vector<std::string>& a, const std::vector<std::string>& b, const MergeOptions& options) {
    if (a.empty() && b.empty()) return 1.0;
    std::vector<bool> used(b.size(), false);
    std::vector<bool> matched(a.size(), false);
    std::size_t common = 0;
    // Exact matches first, so a fuzzy pairing never takes a term another one matches exactly.
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto found = std::lower_bound(b.begin(), b.end(), a[i]);
        if (found == b.end() || *found != a[i] || used[found - b.begin()]) continue;
        used[found - b.begin()] = true;
        matched[i] = true;
        ++common;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (matched[i]) continue;
        for (std::size_t j = 0; j < b.size(); ++j)
            if (!used[j] && same_term(a[i], b[j], options)) {
                used[j] = true;
                ++common;
                break;
            }
    }
    return double(common) / double(a.size() + b.size() - common);
}

std::unordered_map<std::string, std::string> merge_similar_keys(std::vector<KeyVolume> keys,
                                                                const MergeOptions& options) {
    // The same key may come more than once (this period and the one before): add them up.
    std::map<std::string, KeyVolume> unique;
    for (KeyVolume& entry : keys) {
        auto [slot, fresh] = unique.try_emplace(entry.question.key, entry);
        if (!fresh) slot->second.searches += entry.searches;
    }
    std::vector<const KeyVolume*> order;
    for (const auto& [key, entry] : unique) order.push_back(&entry);
    std::stable_sort(order.begin(), order.end(),
                     [](const KeyVolume* a, const KeyVolume* b) { return a->searches > b->searches; });

    std::unordered_map<std::string, std::string> merged_into;
    std::vector<const KeyVolume*> leaders;
    std::unordered_map<std::string, std::vector<std::size_t>> leaders_by_signature;  ///< "<language>\t<signature>"
    for (const KeyVolume* entry : order) {
        const QuestionKey& question = entry->question;
        std::set<std::size_t> candidates;  // ordered: the larger leader wins a tie
        for (const std::string& term : question.terms)
            for (const std::string& signature : signatures(term, options)) {
                auto found = leaders_by_signature.find(question.language + "\t" + signature);
                if (found != leaders_by_signature.end()) candidates.insert(found->second.begin(), found->second.end());
            }
        const std::size_t size = question.terms.size();
        std::optional<std::size_t> best;
        double best_overlap = 0.0;
        for (std::size_t candidate : candidates) {
            const auto& terms = leaders[candidate]->question.terms;
            // Jaccard >= t needs the smaller set to be at least t times the larger one.
            if (double(std::min(size, terms.size())) < options.min_overlap * double(std::max(size, terms.size())))
                continue;
            const double overlap = term_overlap(question.terms, terms, options);
            if (overlap >= options.min_overlap && overlap > best_overlap) {
                best = candidate;
                best_overlap = overlap;
            }
        }
        if (best) {
            merged_into[question.key] = leaders[*best]->question.key;
            continue;
        }
        merged_into[question.key] = question.key;
        for (const std::string& term : question.terms)
            for (const std::string& signature : signatures(term, options))
                leaders_by_signature[question.language + "\t" + signature].push_back(leaders.size());
        leaders.push_back(entry);
    }
    return merged_into;
}

std::vector<std::set<std::string>> term_meanings(const QuestionKey& question, const TranslationTable& translations) {
    std::vector<std::set<std::string>> out;
    for (const std::string& term : question.terms) {
        std::set<std::string>& meanings = out.emplace_back();
        meanings.insert(term);
        if (question.language == translations.pivot_language()) continue;
        for (const TermTranslation& sense : translations.all(question.language, term)) meanings.insert(sense.pivot);
        for (const std::string& sense : translations.character_senses(term)) meanings.insert(sense);
    }
    return out;
}

double meaning_overlap(const std::vector<std::set<std::string>>& a, const std::vector<std::set<std::string>>& b) {
    if (a.empty() || b.empty()) return 0.0;
    std::vector<bool> used(b.size(), false);
    std::size_t common = 0;
    for (const auto& meanings : a)
        for (std::size_t j = 0; j < b.size(); ++j) {
            if (used[j]) continue;
            const bool meet = std::any_of(meanings.begin(), meanings.end(),
                                          [&](const std::string& meaning) { return b[j].count(meaning) > 0; });
            if (!meet) continue;
            used[j] = true;
            ++common;
            break;
        }
    return double(common) / double(a.size() + b.size() - common);
}

std::unordered_map<std::string, std::string> group_question_keys(std::vector<KeyVolume> keys,
                                                                 const TranslationTable& translations,
                                                                 const MergeOptions& options) {
    std::unordered_map<std::string, std::string> merged_into = merge_similar_keys(keys, options);
    if (translations.empty()) return merged_into;
    // Each group of one language, as its leader's terms with their meanings in the pivot
    // language, and the group's searches.
    struct Group {
        std::string leader, language;
        std::size_t searches = 0;
        std::vector<std::set<std::string>> meanings;
    };
    std::map<std::string, Group> groups;
    for (KeyVolume& entry : keys) {
        const std::string& leader = merged_into.at(entry.question.key);
        Group& group = groups[leader];
        group.searches += entry.searches;
        if (entry.question.key != leader) continue;
        group.leader = leader;
        group.language = entry.question.language;
        group.meanings = term_meanings(entry.question, translations);
    }
    std::vector<const Group*> order;
    for (const auto& [leader, group] : groups) order.push_back(&group);
    std::stable_sort(order.begin(), order.end(),
                     [](const Group* a, const Group* b) { return a->searches > b->searches; });
    // Each group links to the one group of another language it is most like (ties: the larger),
    // and the groups that links connect are one question. Its nearest only: "restaurar nota
    // excluída" (pt) meets "restore deleted note" (en) on every word and "deleting account" (en)
    // on two ("nota" can be a bill, hence an account); joining the first group over the threshold
    // put both questions in one row. Another language only: a language's own phrasings were
    // grouped before (merge_similar_keys()), and two of them that are each other's nearest would
    // link to nothing else. Linked, not only compared with one group's first: "imprimir quadro"
    // (pt) meets "print a board" (en) through "imprimir tablero" (es) as well as directly, and a
    // question asked in six languages is rarely translated word for word six times.
    std::unordered_map<std::string, std::vector<std::size_t>> by_meaning;
    for (std::size_t i = 0; i < order.size(); ++i)
        for (const auto& meanings : order[i]->meanings)
            for (const std::string& meaning : meanings) by_meaning[meaning].push_back(i);
    std::vector<std::size_t> component(order.size());  // union-find; a root is its component's largest group
    for (std::size_t i = 0; i < order.size(); ++i) component[i] = i;
    auto root = [&](std::size_t i) {
        while (component[i] != i) i = component[i] = component[component[i]];
        return i;
    };
    std::vector<std::optional<std::size_t>> nearest(order.size());
    std::vector<double> nearest_overlap(order.size(), 0.0);
    std::vector<std::map<std::string, double>> closest_of_language(order.size());  ///< its highest overlap per language
    for (std::size_t i = 0; i < order.size(); ++i) {
        const Group& group = *order[i];
        std::set<std::size_t> candidates;  // ordered: the larger group wins a tie
        for (const auto& meanings : group.meanings)
            for (const std::string& meaning : meanings)
                candidates.insert(by_meaning[meaning].begin(), by_meaning[meaning].end());
        for (std::size_t candidate : candidates) {
            const Group& other = *order[candidate];
            if (other.language == group.language) continue;
            const double overlap = meaning_overlap(group.meanings, other.meanings);
            if (overlap < options.min_meaning_overlap) continue;
            double& closest = closest_of_language[i][other.language];
            closest = std::max(closest, overlap);
            // A one-word phrasing links to the group it is most like, but vouches for nothing
            // more: "senha" is half of "reset password" and half of "trocar senha", which are
            // other questions.
            if (other.meanings.size() < 2 && group.meanings.size() >= 2) continue;
            if (overlap > nearest_overlap[i]) {
                nearest[i] = candidate;
                nearest_overlap[i] = overlap;
            }
        }
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (!nearest[i]) continue;
        // ... and only when no group of its own language is nearer to that one: "deleting account"
        // (en), asked in no other language, has "restaurar nota excluída" (pt) as its nearest, but
        // that one has "restore deleted note" (en) nearer.
        const std::size_t j = *nearest[i];
        if (nearest_overlap[i] < closest_of_language[j][order[i]->language]) continue;
        const std::size_t a = root(i), b = root(j);
        component[std::max(a, b)] = std::min(a, b);
    }
    std::unordered_map<std::string, std::string> joined;
    for (std::size_t i = 0; i < order.size(); ++i) joined[order[i]->leader] = order[root(i)]->leader;
    for (auto& [key, leader] : merged_into) leader = joined.at(leader);
    return merged_into;
}

std::vector<std::string> joining_translations(const std::vector<QuestionKey>& members,
                                              const TranslationTable& translations) {
    const std::string& pivot_language = translations.pivot_language();
    std::map<std::string, std::map<std::string, std::set<std::string>>> meeting;  ///< meaning -> language -> terms
    for (const QuestionKey& member : members) {
        const auto meanings = term_meanings(member, translations);
        for (std::size_t i = 0; i < member.terms.size(); ++i)
            for (const std::string& meaning : meanings[i]) meeting[meaning][member.language].insert(member.terms[i]);
    }
    std::vector<std::string> out;
    std::set<std::map<std::string, std::set<std::string>>> said;  // "quadr (pt) ≈ tabler (es)" once, not per sense
    for (const auto& [meaning, by_language] : meeting) {
        if (by_language.size() < 2) continue;
        // A plain reference: clang 14 cannot capture a structured binding (C++20 allows it; clang 16 does).
        const std::string& pivot = meaning;
        const bool translated = std::any_of(by_language.begin(), by_language.end(), [&](const auto& entry) {
            return entry.first != pivot_language && entry.second.count(pivot) == 0;
        });
        if (!translated) continue;  // "okta" is "okta" everywhere: nothing to explain
        if (!said.insert(by_language).second) continue;
        std::string line;
        // The pivot language first: "trash (en) ≈ lixeir (pt) ≈ papeler (es)"; without it, the
        // sense they share: "board: quadr (pt) ≈ tabler (es)".
        auto add = [&](const std::string& language, const std::set<std::string>& terms) {
            for (const std::string& term : terms)
                line += (line.empty() ? "" : " \xE2\x89\x88 ") + term + " (" + language + ")";
        };
        if (auto found = by_language.find(pivot_language); found != by_language.end()) add(found->first, found->second);
        for (const auto& [language, terms] : by_language)
            if (language != pivot_language) add(language, terms);
        if (!by_language.count(pivot_language)) line = pivot + ": " + line;
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace anticipa::gaps
