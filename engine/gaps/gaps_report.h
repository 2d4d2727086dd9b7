// Gaps stage, step 2: interactions -> the content plan. Unresolved searches grouped into the
// questions behind the words (same analyzer as the index), ranked by how many customers they hit,
// with the trend against the previous period and what to write next.
#pragma once

#include "analysis/analyzer_set.h"
#include "common/problem.h"
#include "gaps/interaction.h"
#include "gaps/learned_suggestions.h"
#include "gaps/search_analytics.h"
#include "gaps/translation_table.h"

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace anticipa::gaps {

struct Phrasing {
    std::string text;
    std::string locale;
    std::size_t count = 0;
};

/// One question customers ask, in however many words and languages they ask it.
struct QuestionGroup {
    std::string key;                  ///< stable across runs: "<locale>:<sorted analyzed terms>"
    std::string label;                ///< the most common phrasing of the source locale's language, else of any
    std::vector<Phrasing> phrasings;  ///< most common first
    std::map<std::string, std::size_t> locales;  ///< searches per customer locale
    std::size_t searches = 0;                    ///< interactions, resolved or not
    std::size_t unresolved = 0;
    std::size_t no_results = 0, no_click = 0, not_helpful = 0, escalated = 0;
    std::size_t previous_unresolved = 0;  ///< the same group in the period before
    std::size_t previous_searches = 0;
    std::map<GapKind, std::size_t> gap_kinds;  ///< why the unresolved ones failed
    std::vector<std::pair<std::string, std::size_t>>
        shown_not_helpful;  ///< article id -> times shown in an unresolved interaction, most first
    /// Articles all the words of unresolved searches find, that the customers could not read
    /// (above their tier, or not in their language): "single-sign-on (pt)" -> times, most first.
    std::vector<std::pair<std::string, std::size_t>> would_answer;
    /// Why phrasings of several languages are one row: "trash (en) ≈ lixeir (pt)" (joining_translations).
    std::vector<std::string> joined_by;
};

/// How often a contact attempt from a product route ended without a ticket.
struct RouteDeflection {
    std::string route;
    std::size_t attempts = 0;   ///< deflection interactions (a ticket typed)
    std::size_t opened = 0;     ///< an article was opened
    std::size_t deflected = 0;  ///< ... and no ticket was sent
    double rate() const { return attempts ? double(deflected) / double(attempts) : 0.0; }
};

struct ArticleVotes {
    std::string article_id;
    std::size_t helpful = 0, not_helpful = 0;
    std::vector<std::string> comments;          ///< with "not helpful" votes, the latest few
    std::vector<std::string> helpful_comments;  ///< with "helpful" votes, the latest few
};

/// Customers of `locale` asked for something that exists only in another locale.
struct TranslationGap {
    std::string locale;
    std::string group_key, label;
    std::size_t searches = 0;
    std::string
        would_answer;  ///< the article in another language, when the report found it: "e-invoice-taiwan (zh-TW)"
};

/// Customers of `tier` asked for something that exists only above their tier.
struct EntitlementGap {
    std::string tier;
    std::string group_key, label;
    std::size_t searches = 0;
    std::string would_answer;  ///< the article above the tier, when the report found it: "single-sign-on (pt)"
};

struct DailyVolume {
    std::string date;  ///< YYYY-MM-DD, UTC
    std::size_t searches = 0, unresolved = 0;
};

struct GapsReport {
    std::chrono::system_clock::time_point since, until;  ///< this period; the previous one is as long, just before
    std::string locale;                                  ///< the filter, empty for all
    std::string tier;                                    ///< the filter, empty for all
    /// The help center's source language, the pivot of the translations that joined languages
    /// ("" without any): drafts of questions asked in several languages are written in it.
    std::string source_language;
    std::size_t searches = 0, unresolved = 0, pending = 0;
    std::size_t previous_searches = 0, previous_unresolved = 0;
    std::vector<QuestionGroup> gaps;                 ///< unresolved groups, most unresolved first
    std::vector<QuestionGroup> top_questions;        ///< the inventory: all groups by searches
    std::vector<RouteDeflection> deflection;         ///< by route, most attempts first
    std::vector<ArticleVotes> not_helpful_articles;  ///< most "not helpful" first
    std::vector<TranslationGap> translation_gaps;
    std::vector<EntitlementGap> entitlement_gaps;
    std::vector<Problem> stale_translations;  ///< and missing ones, from `anticipa check`
    /// The articles folder stale_translations were checked in; empty when there was none to check.
    std::string translations_checked_in;
    std::vector<DailyVolume> daily;
    /// Bridges between languages that were missing (a dictionary not installed): fewer merges.
    std::vector<std::string> grouping_warnings;
    SearchAnalytics analytics;  ///< click-through, click position, most clicked, no-result phrasings
    /// Per article, what customers find it with that its `questions:` lack (learn/; over every
    /// event the store holds, not only this period: the index learns from all of them).
    std::vector<LearnedSuggestion> learned;
};

struct ReportOptions {
    std::chrono::system_clock::time_point since, until;
    std::string locale;         ///< only customers of this locale; empty for all
    std::string tier;           ///< only customers of this tier; empty for all
    std::size_t top = 20;       ///< groups kept per list
    std::size_t phrasings = 5;  ///< phrasings kept per group
};

/// "2026-11-22": the day of `at` in UTC, as every format of the report writes dates.
std::string utc_date(std::chrono::system_clock::time_point at);

/// `current` and `previous` are the interactions of this period and of the one before it.
/// `translations` joins groups of different languages (group_question_keys); without one, each
/// language groups on its own.
GapsReport build_gaps_report(const std::vector<Interaction>& current, const std::vector<Interaction>& previous,
                             analysis::AnalyzerSet& analyzers, const ReportOptions& options,
                             const TranslationTable& translations = TranslationTable());

}  // namespace anticipa::gaps
