// Search stage: unknown words -> spelling corrections from the index's dictionary (the words of
// published sections), kept only when a typo is likely and the correction fits this customer
// and this question. Large search engines show "Showing results for … / Search instead for …"
// only when they are confident; a wrong correction ("kubernetes helm chart" -> "help") hides that
// the help center has no answer, and the content plan never hears of it.
#pragma once

#include "analysis/token.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace anticipa::search {

/// A word the index does not know and the dictionary's correction of it.
struct SpellingCandidate {
    analysis::Token word;     ///< as the customer typed it (byte range in the query)
    std::string suggestion;   ///< the dictionary's word
    Xapian::Query query;      ///< what the suggestion matches, as the word would
    std::string match_key;    ///< the suggestion's accent-free stem, for highlighting
    std::size_t part = 0;     ///< which part of the first-phase query the word is
    std::size_t content = 0;  ///< which of the question's content words (not stop words) it is
};

/// The dictionary's word for `term`, when a typo is likely: words of fewer than 4 letters are
/// left alone (api, sso, vpn: real words one letter from another, as Lucene's spell checker
/// leaves them), 1 edit up to 5 letters, 2 from 6.
std::optional<std::string> likely_correction(const Xapian::Database& db, const std::string& term);

/// The question's content words (not stop words), one query each as typed.
struct ContentWords {
    const std::vector<Xapian::Query>& queries;
    const std::vector<bool>& known;  ///< per word: the index knows it as typed
};

/// The candidates to keep, in order. As if each tier had a dictionary of its own, a correction
/// must find a section that `filter` lets through: the dictionary holds every tier's words, and
/// "okta" from an advanced article must never reach a basic customer. When another content word
/// of the question is unknown too, the correction must also meet another content word (as
/// typed, or another correction) in such a section: "kubernetes helm chart" -> "help" meets
/// neither "kubernetes" nor "chart" anywhere, so "helm" is no typo but part of a question the
/// help center cannot answer. Beside words the index knows, a typo is a typo ("ghandi's work").
std::vector<SpellingCandidate> likely_corrections(const Xapian::Database& db,
                                                  const std::vector<SpellingCandidate>& candidates,
                                                  const ContentWords& content, const Xapian::Query& filter);

}  // namespace anticipa::search
