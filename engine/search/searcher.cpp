#include "search/searcher.h"

#include "article/article.h"
#include "common/locale_tag.h"
#include "index/index_layout.h"
#include "index/schema.h"
#include "index/section_record.h"
#include "search/feedback.h"
#include "search/query_builder.h"
#include "search/rescorer.h"
#include "search/snippet.h"

#include <algorithm>

namespace anticipa::search {

using namespace anticipa::index;

namespace {

std::string deep_link(const SectionRecord& record) {
    std::string link = article::article_path(record.locale, record.id);
    if (!record.anchor.empty()) link += "#" + record.anchor;
    return link;
}

SearchHit hit_of(const SectionRecord& record, double score) {
    SearchHit hit;
    hit.id = record.id;
    hit.locale = record.locale;
    hit.title = record.title;
    hit.heading = record.heading;
    hit.anchor = record.anchor;
    hit.link = deep_link(record);
    hit.path = record.path;
    hit.score = score;
    return hit;
}

}  // namespace

Searcher::Searcher(SearcherOptions options, analysis::AnalyzerSet& analyzers)
    : options_(std::move(options)), index_(options_.index_dir, analyzers) {
    if (index_.served().empty()) throw IndexUnusable(index_.why_nothing_served(), index_.unusable());
}

std::vector<std::string> Searcher::locales() const {
    std::vector<std::string> out;
    for (const auto& [locale, open] : index_.served()) out.push_back(locale);
    return out;
}

std::optional<ArticleView> Searcher::article(const std::string& locale, const std::string& id,
                                             const std::string& tier) {
    auto canonical = canonical_locale(locale);
    if (!canonical || !index_.served().count(*canonical)) return std::nullopt;
    auto view = read_article(index_.served().at(*canonical).db, id, tier);
    if (!view) return view;
    for (const auto& [other, open] : index_.served()) {
        if (other == *canonical) continue;
        Xapian::Enquire enquire(open.db);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(PREFIX_ARTICLE + id), visible_to(tier)));
        if (!enquire.get_mset(0, 1).empty()) view->translations.push_back(other);
    }
    return view;
}

std::vector<ArticleSummary> Searcher::articles_for_route(const std::string& route, const std::string& locale,
                                                         const std::string& tier, std::size_t limit) {
    const std::string requested = canonical_locale(locale).value_or(options_.default_locale);
    for (const std::string& candidate : {requested, options_.default_locale}) {
        const LocaleGroup* group = group_for(candidate);
        if (!group) continue;
        auto list = list_articles(group->db, route_filter(route), tier, limit);
        if (!list.empty()) return list;
    }
    return {};
}

std::vector<ArticleSummary> Searcher::all_articles(const std::string& locale, const std::string& tier) {
    const LocaleGroup* group = group_for(canonical_locale(locale).value_or(options_.default_locale));
    if (!group) return {};
    return list_articles(group->db, Xapian::Query::MatchAll, tier, 10000);
}

std::vector<Searcher::LocaleRevision> Searcher::revisions() const {
    std::vector<LocaleRevision> out;
    for (const auto& [locale, open] : index_.served())
        out.push_back({locale, open.db.get_revision(), open.db.get_doccount()});
    return out;
}

bool Searcher::reopen() {
    // The groups share the locale databases' internals: reopening those reopens them.
    return index_.reopen();
}

const Searcher::LocaleGroup* Searcher::group_for(const std::string& requested) {
    auto cached = groups_.find(requested);
    if (cached != groups_.end()) return &cached->second;

    // The requested locale's own database first, then its language's other regions (zh-CN asks
    // zh-TW's); the group analyzes queries as its first database was built.
    const auto& served = index_.served();
    std::vector<std::string> members;
    if (served.count(requested)) members.push_back(requested);
    const std::string language = language_of(requested);
    for (const auto& [locale, open] : served)
        if (locale != requested && language_of(locale) == language) members.push_back(locale);
    LocaleGroup group;
    for (const auto& locale : members) {
        const analysis::Analyzer* analyzer = served.at(locale).analyzer;
        if (!group.analyzer) group.analyzer = analyzer;
        // Regions share a database group only when they analyze text the same way.
        if (analyzer->fingerprint() != group.analyzer->fingerprint()) continue;
        group.locales.push_back(locale);
        group.db.add_database(served.at(locale).db);
    }
    if (group.locales.empty()) return nullptr;
    return &groups_.emplace(requested, std::move(group)).first->second;
}

SearchResponse Searcher::search_group(const LocaleGroup& group, const SearchRequest& request) {
    try {
        return search_group_once(group, request);
    } catch (const Xapian::DatabaseModifiedError&) {
        reopen();  // a new revision was published while we read: take it and try once more
        return search_group_once(group, request);
    }
}

SearchResponse Searcher::search_group_once(const LocaleGroup& group, const SearchRequest& request) {
    SearchResponse response;
    response.locale = group.locales.front();
    const RankingOptions& ranking = options_.ranking;
    const BuiltQuery built = QueryBuilder(*group.analyzer, group.db, ranking).build(request);
    if (built.first_phase.empty()) return response;

    // First phase: what Xapian can prune, collapsed per article, filters inside the query.
    Xapian::Enquire enquire(group.db);
    enquire.set_weighting_scheme(Xapian::BM25Weight(ranking.k1, 0, 1, ranking.b, 0.5));
    enquire.set_collapse_key(SLOT_ARTICLE, static_cast<Xapian::doccount>(ranking.sections_per_article));
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, built.first_phase, built.filter));
    if (ranking.feedback_docs > 0 && !request.every_word) {
        Xapian::Query widened = expand_with_feedback(enquire, built.first_phase, ranking);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, widened, built.filter));
    }
    // At least match_depth articles deep, then the page: see RankingOptions::match_depth. With
    // several sections of an article among the candidates, as many times more sections.
    const double articles = std::max<double>(static_cast<double>(request.offset + request.limit), ranking.match_depth);
    const double sections = std::min<double>(articles * ranking.sections_per_article, group.db.get_doccount());
    const Xapian::MSet first_phase = enquire.get_mset(0, static_cast<Xapian::doccount>(std::max(sections, 1.0)));

    // Second phase: the candidates' title matches and proximity pairs, re-sorted.
    double average_title_length = 1;
    if (!built.second_phase.title_words.empty()) {
        std::vector<Xapian::Database> shards;
        for (const std::string& locale : group.locales) shards.push_back(index_.served().at(locale).db);
        average_title_length = search::average_title_length(shards);
    }
    std::vector<Candidate> ranked =
        rescore(group.db, built.second_phase, average_title_length, ranking, candidates_of(first_phase));
    const std::size_t rescored = ranked.size();
    cut_weak_tail(ranked, ranking.relative_score_cut);
    // Xapian's estimate: asking it to check more matches for a better count cost a quarter of the
    // p99 latency. After a cut the count is exact: what every page together shows.
    response.total = ranked.size() < rescored ? ranked.size() : estimated_articles(first_phase, ranked.size());

    if (!built.corrected.empty() && !ranked.empty()) {
        response.did_you_mean = built.corrected;
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, built.own_words, built.filter));
        if (enquire.get_mset(0, 1).empty()) {
            response.showing_results_for = built.corrected;
            response.search_instead_for = request.query;
        }
    }
    for (std::size_t i = request.offset; i < ranked.size() && i < request.offset + request.limit; ++i) {
        SectionRecord record = read_record(group.db.get_document(ranked[i].docid),
                                           request.with_snippets ? RecordParts::WITH_TEXT : RecordParts::SHORT_FIELDS);
        SearchHit& hit = response.hits.emplace_back(hit_of(record, ranked[i].weight));
        const std::string& text = !record.text.empty() ? record.text : record.title;
        if (request.with_snippets)
            hit.snippet = make_snippet(text, *snippet_analyses_.analysis(text, *group.analyzer), built.match_keys,
                                       built.prefix);
    }
    return response;
}

SearchResponse Searcher::search(const SearchRequest& request) {
    const std::string locale = canonical_locale(request.locale).value_or(options_.default_locale);
    SearchResponse response;
    if (const LocaleGroup* group = group_for(locale)) response = search_group(*group, request);
    const bool is_default = language_of(locale) == language_of(options_.default_locale);
    if (response.total == 0 && request.fallback_to_default && !is_default) {
        if (const LocaleGroup* fallback = group_for(options_.default_locale)) {
            SearchResponse answer = search_group(*fallback, request);
            if (!answer.hits.empty()) {
                answer.fallback = true;
                if (answer.did_you_mean.empty()) answer.did_you_mean = response.did_you_mean;
                return answer;
            }
        }
    }
    if (response.locale.empty()) response.locale = locale;
    return response;
}

}  // namespace anticipa::search
