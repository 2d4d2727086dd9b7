// Search stage, second phase, through a real index on disk: title matches normalised by the
// title's own length (search/title_match.h), proximity pairs checked by position
// (search/proximity_match.h), and the two phases together ranking as one phase would.
#include "analysis/analyzer_set.h"
#include "index/indexer.h"
#include "index/schema.h"
#include "search/proximity_match.h"
#include "search/rescorer.h"
#include "search/searcher.h"
#include "search/title_match.h"
#include "support/sample_index.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>

using namespace anticipa;
using anticipa::test::TempDir;

namespace {

struct TitledHelpCenter {
    TempDir dir;
    analysis::AnalyzerSet analyzers{test::source_dir() / "locales"};

    void write(const std::string& id, const std::string& title, const std::string& body) const {
        dir.write("articles/en/" + id + ".md", "---\nid: " + id + "\ntitle: " + title + "\n---\n\n" + body + "\n");
    }

    void index() {
        index::IndexOptions options;
        options.index_dir = dir / "index";
        options.load.root = dir / "articles";
        REQUIRE(index::index_articles(options, analyzers).failed == 0);
    }

    Xapian::Database database() const { return Xapian::Database((dir / "index" / "en").string()); }

    /// Article id -> weight of the title match alone for one title word (sections without it left out).
    std::map<std::string, double> title_weights(const std::string& stem) const {
        Xapian::Database db = database();
        search::TitleMatch titles(db, {{index::PREFIX_TITLE_STEM + stem, 1.0}}, search::average_title_length({db}), 1.2,
                                  0.75);
        std::map<std::string, double> weights;
        for (Xapian::docid section = 1; section <= db.get_lastdocid(); ++section)
            if (double weight = titles.weight_of(section); weight > 0)
                weights[db.get_document(section).get_value(index::SLOT_ARTICLE)] = weight;
        return weights;
    }
};

std::string words(int count, const std::string& word) {
    std::string text;
    for (int i = 0; i < count; ++i) text += word + " ";
    return text;
}

}  // namespace

TEST_CASE("Title match: weighed against the title's length, not the section's", "[search][integration]") {
    TitledHelpCenter hc;
    hc.write("short-answer", "Pairing the gizmo", "Hold the button.");
    hc.write("long-answer", "Charging the gizmo", words(300, "battery"));
    hc.write("long-title", "Why the gizmo blinks red after charging overnight", "Hold the button.");
    hc.write("other", "Billing questions", "Invoices arrive monthly.");
    hc.index();

    const auto weights = hc.title_weights("gizmo");
    REQUIRE(weights.size() == 3);
    // The same title length: the same weight, however long the answer below it is. Scored as an
    // ordinary term, the 300-word answer would have lost to the three-word one.
    CHECK(weights.at("short-answer") == Approx(weights.at("long-answer")));
    CHECK(weights.at("long-title") < weights.at("short-answer"));
}

TEST_CASE("Title match: a word in no title adds nothing", "[search][integration]") {
    TitledHelpCenter hc;
    hc.write("a", "Pairing the gizmo", "Hold the button.");
    hc.index();
    Xapian::Database db = hc.database();
    CHECK(search::TitleMatch(db, {{index::PREFIX_TITLE_STEM + "walrus", 1.0}}, 1.0, 1.2, 0.75).empty());
}

TEST_CASE("Proximity pair: only sections where the words are near, weighed as OP_NEAR weighs them",
          "[search][integration]") {
    TitledHelpCenter hc;
    hc.write("near", "Setup", "Reset the router password today.");
    hc.write("far", "Other setup", "The router sits by the door, and much later you may change a password.");
    hc.write("one-word", "Third", "The router alone.");
    hc.index();
    Xapian::Database db = hc.database();

    search::NearPair pair(db, {"router", "password"}, {.window = 4, .factor = 1.0, .k1 = 1.2, .b = 0.75});
    std::map<std::string, double> ours;
    for (Xapian::docid section = 1; section <= db.get_lastdocid(); ++section)
        if (double weight = pair.weight_of(section); weight > 0)
            ours[db.get_document(section).get_value(index::SLOT_ARTICLE)] = weight;
    REQUIRE(ours.size() == 1);
    REQUIRE(ours.count("near"));

    // The same weight as Xapian's own OP_NEAR, walked without pruning, with the same BM25.
    Xapian::Enquire xapian(db);
    xapian.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
    Xapian::Query words[] = {Xapian::Query("router"), Xapian::Query("password")};
    xapian.set_query(Xapian::Query(Xapian::Query::OP_NEAR, std::begin(words), std::end(words), 4));
    const Xapian::MSet near = xapian.get_mset(0, 10);
    REQUIRE(near.size() == 1);
    CHECK(ours.at("near") == Approx(near.begin().get_weight()));
}

TEST_CASE("Rescorer: adds the features to the first-phase weight, re-sorts, one section per article",
          "[search][integration]") {
    TitledHelpCenter hc;
    hc.write("titled", "Router password", "Something else entirely.");
    hc.write("near", "Setup", "Reset the router password today.");
    hc.write("plain", "Other", "A router. Many words later, a password.");
    hc.index();
    Xapian::Database db = hc.database();
    auto docid_of = [&](const std::string& id) { return *db.postlist_begin(index::PREFIX_ARTICLE + id); };

    search::SecondPhase features;
    features.title_words = {{index::PREFIX_TITLE_STEM + "router", 1.0}, {index::PREFIX_TITLE_STEM + "password", 1.0}};
    features.near_pairs = {{"router", "password"}};
    search::RankingOptions ranking;
    // "plain" leads the first phase; only the other two have a title match or a near pair.
    std::vector<search::Candidate> candidates{{docid_of("plain"), 3.0, "plain"},
                                              {docid_of("near"), 2.0, "near"},
                                              {docid_of("titled"), 1.0, "titled"},
                                              {docid_of("plain"), 0.5, "plain"}};
    const auto ranked = search::rescore(db, features, search::average_title_length({db}), ranking, candidates);
    REQUIRE(ranked.size() == 3);  // "plain" once: its better section stands for it
    std::map<std::string, double> weight;
    for (const auto& c : ranked) weight[c.article] = c.weight;
    CHECK(weight.at("plain") == Approx(3.0));
    CHECK(weight.at("near") > 2.0);
    CHECK(weight.at("titled") > 1.0);
    CHECK(ranked[0].weight >= ranked[1].weight);
    CHECK(ranked[1].weight >= ranked[2].weight);
}

TEST_CASE("Two phases: the same articles as rescoring every match, on every sample query", "[search][integration]") {
    test::SampleIndex sample;
    // The reference hands every match and every section of an article to the second phase: the
    // ranking one phase with every feature inside the match would give.
    // The whole rankings, without the score cut: where the first phase picked a lower-scoring
    // section of an article, its score may fall on the other side of the cut's floor.
    search::RankingOptions uncut;
    uncut.relative_score_cut = 0;
    search::RankingOptions exhaustive = uncut;
    exhaustive.match_depth = 1e6;
    exhaustive.sections_per_article = 1e6;
    search::RankingOptions two_sections = uncut;  // each article's best two sections by the first phase
    two_sections.sections_per_article = 2;
    search::Searcher two_phase = sample.searcher(uncut), with_two_sections = sample.searcher(two_sections),
                     reference = sample.searcher(exhaustive);

    std::size_t queries = 0, other_sections = 0;
    for (const auto& [locale, query] : test::SampleIndex::relevance_queries()) {
        search::SearchRequest request;
        request.query = query;
        request.locale = locale;
        request.with_snippets = false;
        const auto ours = two_phase.search(request), two = with_two_sections.search(request),
                   theirs = reference.search(request);
        CAPTURE(request.locale, request.query);
        REQUIRE(ours.hits.size() == theirs.hits.size());
        REQUIRE(two.hits.size() == theirs.hits.size());
        for (std::size_t i = 0; i < ours.hits.size(); ++i) {
            CAPTURE(i);
            CHECK(ours.hits[i].id == theirs.hits[i].id);
            // The first phase chose the article's section: the same one, or one the reference
            // (which saw them all) scores lower.
            if (ours.hits[i].anchor == theirs.hits[i].anchor) {
                CHECK(ours.hits[i].score == Approx(theirs.hits[i].score));
            } else {
                CHECK(ours.hits[i].score < theirs.hits[i].score);
                ++other_sections;
            }
            // Two sections per article: the reference's own sections and scores.
            CHECK(two.hits[i].id == theirs.hits[i].id);
            CHECK(two.hits[i].anchor == theirs.hits[i].anchor);
            CHECK(two.hits[i].score == Approx(theirs.hits[i].score));
        }
        ++queries;
    }
    CHECK(queries >= 60);
    WARN(other_sections << " hits of " << queries << " queries link another section than one phase would");
}
