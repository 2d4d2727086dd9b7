// Search stage: request -> per-locale databases -> ranked hits (one per article) with snippets,
// "did you mean" and a flagged fallback to the default locale.
#pragma once

#include "analysis/analyzer_set.h"
#include "search/article_reader.h"
#include "search/index_unusable.h"
#include "search/locale_databases.h"
#include "search/ranking_options.h"
#include "search/search_types.h"
#include "search/snippet_cache.h"

#include <xapian.h>

#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace anticipa::search {

struct SearcherOptions {
    /// A constructor rather than an aggregate, so the many `{dir, "en"}` callers that want the
    /// product's ranking need not name it.
    SearcherOptions(std::filesystem::path dir = "index", std::string locale = "en", RankingOptions settings = {})
        : index_dir(std::move(dir)), default_locale(std::move(locale)), ranking(settings) {}

    std::filesystem::path index_dir;
    std::string default_locale;
    RankingOptions ranking;  ///< the product's ranking unless an evaluation changes it
};

/// Searches the published index. One Searcher per thread: Xapian databases are not shared
/// between threads.
class Searcher {
  public:
    /// Opens every locale database, each analyzed with the profile it was built with (or with
    /// `analyzers`' locales/ folder, when it has one: an override). A database that cannot be
    /// served is left out and listed in unusable(); throws IndexUnusable when none can be.
    Searcher(SearcherOptions options, analysis::AnalyzerSet& analyzers);

    SearchResponse search(const SearchRequest& request);

    /// Picks up a revision published since the databases were opened. False when this Searcher
    /// can no longer serve the index as it is (see LocaleDatabases::reopen): open a new one.
    bool reopen();

    /// The locales served: their databases can be read and hold documents.
    std::vector<std::string> locales() const;
    /// The locale databases left out, and why.
    const std::vector<UnusableLocale>& unusable() const { return index_.unusable(); }
    /// What an operator should know about the databases served (LocaleDatabases::notices).
    const std::vector<std::string>& notices() const { return index_.notices(); }
    /// Revisions reopen() picked up since last asked (LocaleDatabases::take_picked_up).
    std::vector<std::string> take_picked_up() { return index_.take_picked_up(); }

    /// The article in exactly this locale (with the other locales it exists in for this tier).
    std::optional<ArticleView> article(const std::string& locale, const std::string& id, const std::string& tier);

    /// Articles whose `context:` names the route (or a parent of it), in the locale's language,
    /// else in the default locale.
    std::vector<ArticleSummary> articles_for_route(const std::string& route, const std::string& locale,
                                                   const std::string& tier, std::size_t limit);

    /// Every article of the locale's language open to the tier (home page, categories).
    std::vector<ArticleSummary> all_articles(const std::string& locale, const std::string& tier);

    struct LocaleRevision {
        std::string locale;
        Xapian::rev revision = 0;
        Xapian::doccount documents = 0;
    };
    /// The revision and size of each locale database as currently opened.
    std::vector<LocaleRevision> revisions() const;

  private:
    struct LocaleGroup {
        std::vector<std::string> locales;
        Xapian::Database db;
        const analysis::Analyzer* analyzer = nullptr;
    };
    /// The databases that answer `locale`: its own, or its language's other regions.
    const LocaleGroup* group_for(const std::string& locale);
    SearchResponse search_group(const LocaleGroup& group, const SearchRequest& request);
    SearchResponse search_group_once(const LocaleGroup& group, const SearchRequest& request);

    SearcherOptions options_;
    LocaleDatabases index_;
    std::map<std::string, LocaleGroup> groups_;  ///< by requested locale, built on demand
    SnippetAnalysisCache snippet_analyses_{256};  ///< about 25 KB each: a few MB per searcher
};

}  // namespace anticipa::search
