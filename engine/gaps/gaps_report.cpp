#include "gaps/gaps_report.h"

#include "common/locale_tag.h"
#include "gaps/question_grouping.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>
#include <unordered_map>

namespace anticipa::gaps {

namespace {

using Selection = std::vector<const Interaction*>;

/// Articles kept per group in shown_not_helpful, and comments per article: enough to act on.
constexpr std::size_t SHOWN_PER_GROUP = 10;
constexpr std::size_t COMMENTS_PER_ARTICLE = 3;

/// A filter "zh" takes in zh-TW and zh-CN; "zh-TW" only itself.
bool of_locale(const Interaction& interaction, const std::string& filter) {
    if (filter.empty() || interaction.locale == filter) return true;
    return filter.find('-') == std::string::npos && language_of(interaction.locale) == filter;
}

Selection select(const std::vector<Interaction>& interactions, const ReportOptions& options) {
    Selection out;
    for (const Interaction& interaction : interactions)
        if (of_locale(interaction, options.locale) && (options.tier.empty() || interaction.tier == options.tier))
            out.push_back(&interaction);
    return out;
}

/// Which group each question belongs to. Keys are computed once per distinct (locale, query), a
/// million events hold far fewer, and merged over both periods so a group keeps its key from
/// one period to the next and the trend compares like with like.
class GroupKeys {
  public:
    GroupKeys(analysis::AnalyzerSet& analyzers, const Selection& current, const Selection& previous,
              const TranslationTable& translations) {
        std::unordered_map<std::string, KeyVolume> volumes;
        for (const Selection* period : {&current, &previous})
            for (const Interaction* interaction : *period) {
                if (!asks_question(*interaction)) continue;
                auto [slot, fresh] = raw_.try_emplace(lookup(*interaction));
                if (fresh) {
                    QuestionKey question = question_key(analyzers, interaction->locale, interaction->query);
                    slot->second = question.key;
                    volumes.try_emplace(slot->second, KeyVolume{std::move(question), 0});
                }
                ++volumes.at(slot->second).searches;
            }
        std::vector<KeyVolume> keys;
        for (auto& [key, volume] : volumes) keys.push_back(volume);
        merged_ = group_question_keys(std::move(keys), translations);
        for (auto& [key, volume] : volumes) members_[merged_.at(key)].push_back(std::move(volume.question));
    }

    /// The keys of the phrasings a group holds (group_of() gives the group's key).
    const std::vector<QuestionKey>& members(const std::string& group) const { return members_.at(group); }

    const std::string& group_of(const Interaction& interaction) const {
        return merged_.at(raw_.at(lookup(interaction)));
    }

  private:
    static std::string lookup(const Interaction& interaction) { return interaction.locale + '\n' + interaction.query; }

    std::unordered_map<std::string, std::string> raw_;                   ///< locale + query -> its own key
    std::unordered_map<std::string, std::string> merged_;                ///< own key -> the group's key
    std::unordered_map<std::string, std::vector<QuestionKey>> members_;  ///< group's key -> own keys
};

/// One group while interactions are added to it.
class GroupBuilder {
  public:
    explicit GroupBuilder(std::string key) { group_.key = std::move(key); }

    void add(const Interaction& interaction) {
        ++group_.searches;
        ++group_.locales[interaction.locale];
        // "Reset  Password" and "reset password" are one phrasing; the first spelling seen shows.
        PhrasingText text = phrasing_of(interaction.query);
        auto [slot, fresh] = phrasings_.try_emplace({interaction.locale, std::move(text.folded)});
        if (fresh) slot->second = Phrasing{std::move(text.shown), interaction.locale, 0};
        ++slot->second.count;
        if (!is_unresolved(interaction.outcome)) return;
        ++group_.unresolved;
        ++group_.gap_kinds[interaction.gap];
        switch (interaction.outcome) {
            case Outcome::NO_RESULTS:
                ++group_.no_results;
                break;
            case Outcome::NO_CLICK:
                ++group_.no_click;
                break;
            case Outcome::NOT_HELPFUL:
                ++group_.not_helpful;
                break;
            case Outcome::ESCALATED:
                ++group_.escalated;
                break;
            case Outcome::RESOLVED:
            case Outcome::PENDING:
                break;
        }
        for (const std::string& article : interaction.shown) ++shown_[article];
        if (!interaction.would_answer.empty()) ++would_answer_[interaction.would_answer];
    }

    void add_previous(const Interaction& interaction) {
        ++group_.previous_searches;
        if (is_unresolved(interaction.outcome)) ++group_.previous_unresolved;
    }

    bool current() const { return group_.searches > 0; }

    /// `label_language`: the help center's source language, whose phrasing labels the group
    /// when it was asked in it ("" for the most common phrasing of any).
    QuestionGroup finish(std::size_t phrasings_kept, const std::string& label_language) {
        std::vector<Phrasing> all;
        for (auto& [id, phrasing] : phrasings_) all.push_back(std::move(phrasing));
        std::stable_sort(all.begin(), all.end(),
                         [](const Phrasing& a, const Phrasing& b) { return a.count > b.count; });
        auto in_label_language = std::find_if(all.begin(), all.end(), [&](const Phrasing& phrasing) {
            return !label_language.empty() && language_of(phrasing.locale) == label_language;
        });
        if (in_label_language != all.end()) std::rotate(all.begin(), in_label_language, in_label_language + 1);
        // The most common overall, plus the most common of every locale, so a draft in any
        // language the question was asked in has a title to start from.
        std::set<std::string> locales_with_one;
        for (std::size_t i = 0; i < all.size(); ++i)
            if (i < phrasings_kept || locales_with_one.count(all[i].locale) == 0) {
                locales_with_one.insert(all[i].locale);
                group_.phrasings.push_back(all[i]);
            }
        if (!group_.phrasings.empty()) group_.label = group_.phrasings.front().text;

        for (auto& [article, times] : shown_) group_.shown_not_helpful.emplace_back(article, times);
        std::stable_sort(group_.shown_not_helpful.begin(), group_.shown_not_helpful.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        if (group_.shown_not_helpful.size() > SHOWN_PER_GROUP) group_.shown_not_helpful.resize(SHOWN_PER_GROUP);
        for (auto& [article, times] : would_answer_) group_.would_answer.emplace_back(article, times);
        std::stable_sort(group_.would_answer.begin(), group_.would_answer.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        return std::move(group_);
    }

  private:
    QuestionGroup group_;
    std::map<std::pair<std::string, std::string>, Phrasing> phrasings_;  ///< (locale, folded text)
    std::map<std::string, std::size_t> shown_;
    std::map<std::string, std::size_t> would_answer_;
};

/// Every group asked about in this period, with its counts from the period before.
std::vector<QuestionGroup> build_groups(const Selection& current, const Selection& previous, const GroupKeys& keys,
                                        std::size_t phrasings_kept, const TranslationTable& translations) {
    std::map<std::string, GroupBuilder> builders;
    for (const Interaction* interaction : current)
        if (asks_question(*interaction)) {
            const std::string& key = keys.group_of(*interaction);
            builders.try_emplace(key, key).first->second.add(*interaction);
        }
    for (const Interaction* interaction : previous)
        if (asks_question(*interaction)) {
            auto found = builders.find(keys.group_of(*interaction));
            if (found != builders.end()) found->second.add_previous(*interaction);
        }
    std::vector<QuestionGroup> groups;
    for (auto& [key, builder] : builders) {
        groups.push_back(builder.finish(phrasings_kept, translations.pivot_language()));
        groups.back().joined_by = joining_translations(keys.members(key), translations);
    }
    return groups;
}

std::vector<QuestionGroup> top(std::vector<QuestionGroup> groups, std::size_t count, bool by_unresolved) {
    if (by_unresolved) std::erase_if(groups, [](const QuestionGroup& group) { return group.unresolved == 0; });
    std::sort(groups.begin(), groups.end(), [by_unresolved](const QuestionGroup& a, const QuestionGroup& b) {
        if (by_unresolved) return std::tie(b.unresolved, b.searches, a.key) < std::tie(a.unresolved, a.searches, b.key);
        return std::tie(b.searches, b.unresolved, a.key) < std::tie(a.searches, a.unresolved, b.key);
    });
    if (groups.size() > count) groups.resize(count);
    return groups;
}

std::vector<RouteDeflection> deflection_by_route(const Selection& current) {
    std::map<std::string, RouteDeflection> routes;
    for (const Interaction* interaction : current) {
        if (interaction->source != "deflect" || interaction->vote_only) continue;
        RouteDeflection& route = routes[interaction->route];
        route.route = interaction->route;
        ++route.attempts;
        if (interaction->clicked.empty()) continue;
        ++route.opened;
        if (!interaction->escalated) ++route.deflected;
    }
    std::vector<RouteDeflection> out;
    for (auto& [name, route] : routes) out.push_back(std::move(route));
    std::stable_sort(out.begin(), out.end(),
                     [](const RouteDeflection& a, const RouteDeflection& b) { return a.attempts > b.attempts; });
    return out;
}

/// Votes come joined to their search; a comment belongs to the article voted down last in the
/// same interaction (nearly always the only one).
std::vector<ArticleVotes> article_votes(const Selection& current, std::size_t count) {
    std::map<std::string, ArticleVotes> articles;
    for (const Interaction* interaction : current) {
        for (const std::string& id : interaction->helpful) {
            ArticleVotes& votes = articles[id];
            votes.article_id = id;
            ++votes.helpful;
        }
        for (const std::string& id : interaction->not_helpful) {
            ArticleVotes& votes = articles[id];
            votes.article_id = id;
            ++votes.not_helpful;
        }
        for (const auto& [id, comment] : interaction->helpful_comments) {
            auto& comments = articles[id].helpful_comments;
            comments.insert(comments.begin(), comment);  // latest first
            if (comments.size() > COMMENTS_PER_ARTICLE) comments.resize(COMMENTS_PER_ARTICLE);
        }
        if (interaction->not_helpful.empty()) continue;
        auto& comments = articles[interaction->not_helpful.back()].comments;
        for (const std::string& comment : interaction->comments)
            comments.insert(comments.begin(), comment);  // latest first
        if (comments.size() > COMMENTS_PER_ARTICLE) comments.resize(COMMENTS_PER_ARTICLE);
    }
    std::vector<ArticleVotes> out;
    for (auto& [id, votes] : articles)
        // Articles that failed someone, and any a customer wrote about: a comment is for the writer.
        if (votes.not_helpful > 0 || !votes.helpful_comments.empty()) out.push_back(std::move(votes));
    std::stable_sort(out.begin(), out.end(),
                     [](const ArticleVotes& a, const ArticleVotes& b) { return a.not_helpful > b.not_helpful; });
    if (out.size() > count) out.resize(count);
    return out;
}

/// A gap counted per (locale or tier, group): "pt customers asked 12 times for `en:sso`", and the
/// article most often found for them.
struct KindCount {
    std::string where, key;
    std::size_t searches = 0;
    std::string would_answer;
};

std::vector<KindCount> count_kind(const Selection& current, const GroupKeys& keys, GapKind kind, std::size_t count,
                                  const std::string Interaction::*where) {
    std::map<std::pair<std::string, std::string>, std::size_t> counts;
    std::map<std::pair<std::string, std::string>, std::map<std::string, std::size_t>> articles;
    for (const Interaction* interaction : current)
        if (interaction->gap == kind && asks_question(*interaction)) {
            const std::pair<std::string, std::string> place{interaction->*where, keys.group_of(*interaction)};
            ++counts[place];
            if (!interaction->would_answer.empty()) ++articles[place][interaction->would_answer];
        }
    std::vector<KindCount> out;
    for (const auto& [place, searches] : counts) {
        std::string article;
        std::size_t most = 0;
        for (const auto& [id, times] : articles[place])
            if (times > most) std::tie(article, most) = std::pair{id, times};
        out.push_back({place.first, place.second, searches, article});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const KindCount& a, const KindCount& b) { return a.searches > b.searches; });
    if (out.size() > count) out.resize(count);
    return out;
}

/// One entry per UTC day; a day without searches is shown as zero when the period is known, so
/// a chart does not skip the quiet day.
std::vector<DailyVolume> daily_volumes(const Selection& current, const ReportOptions& options) {
    using std::chrono::days;
    std::map<std::string, DailyVolume> by_date;
    if (options.since < options.until && options.until - options.since <= days{366})
        for (auto day = std::chrono::floor<days>(options.since); day < options.until; day += days{1})
            by_date[utc_date(day)].date = utc_date(day);
    for (const Interaction* interaction : current) {
        if (!asks_question(*interaction)) continue;
        DailyVolume& volume = by_date[utc_date(interaction->at)];
        volume.date = utc_date(interaction->at);
        ++volume.searches;
        if (is_unresolved(interaction->outcome)) ++volume.unresolved;
    }
    std::vector<DailyVolume> out;
    for (auto& [date, volume] : by_date) out.push_back(std::move(volume));
    return out;
}

}  // namespace

GapsReport build_gaps_report(const std::vector<Interaction>& current, const std::vector<Interaction>& previous,
                             analysis::AnalyzerSet& analyzers, const ReportOptions& options,
                             const TranslationTable& translations) {
    GapsReport report;
    report.since = options.since;
    report.until = options.until;
    report.locale = options.locale;
    report.tier = options.tier;
    report.source_language = translations.pivot_language();
    const Selection now = select(current, options), before = select(previous, options);
    for (const Interaction* interaction : now) {
        if (!asks_question(*interaction)) continue;
        ++report.searches;
        if (is_unresolved(interaction->outcome)) ++report.unresolved;
        if (interaction->outcome == Outcome::PENDING) ++report.pending;
    }
    for (const Interaction* interaction : before) {
        if (!asks_question(*interaction)) continue;
        ++report.previous_searches;
        if (is_unresolved(interaction->outcome)) ++report.previous_unresolved;
    }

    const GroupKeys keys(analyzers, now, before, translations);
    std::vector<QuestionGroup> groups = build_groups(now, before, keys, options.phrasings, translations);
    std::map<std::string, std::string> labels;
    for (const QuestionGroup& group : groups) labels[group.key] = group.label;
    report.gaps = top(groups, options.top, true);
    report.top_questions = top(std::move(groups), options.top, false);

    report.deflection = deflection_by_route(now);
    report.not_helpful_articles = article_votes(now, options.top);
    for (auto& gap : count_kind(now, keys, GapKind::TRANSLATION, options.top, &Interaction::locale))
        report.translation_gaps.push_back({gap.where, gap.key, labels[gap.key], gap.searches, gap.would_answer});
    for (auto& gap : count_kind(now, keys, GapKind::ENTITLEMENT, options.top, &Interaction::tier))
        report.entitlement_gaps.push_back({gap.where, gap.key, labels[gap.key], gap.searches, gap.would_answer});
    report.daily = daily_volumes(now, options);
    report.analytics = analyse_searches(now, options.top);
    return report;
}

std::string utc_date(std::chrono::system_clock::time_point at) {
    const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(at)};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(day.year()), unsigned(day.month()), unsigned(day.day()));
    return text;
}

}  // namespace anticipa::gaps
