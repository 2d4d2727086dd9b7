// Search stage through a real index on disk: the ranking's own posting sources. Title matches
// are normalised by the title's own length (search/title_match.h), and the indexer keeps the
// title-length total right; proximity pairs are checked by position (search/proximity_match.h).
#include "analysis/analyzer_set.h"
#include "index/indexer.h"
#include "index/schema.h"
#include "search/proximity_match.h"
#include "search/title_match.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

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

    /// Article id -> weight of the title match alone for one title word.
    std::map<std::string, double> title_weights(const std::string& stem) const {
        Xapian::Database db = database();
        Xapian::Enquire enquire(db);
        enquire.set_query(search::title_match_query(db, {{index::PREFIX_TITLE_STEM + stem, 1.0}}, 1.2, 0.75));
        std::map<std::string, double> weights;
        const Xapian::MSet matches = enquire.get_mset(0, 100);
        for (auto it = matches.begin(); it != matches.end(); ++it)
            weights[it.get_document().get_value(index::SLOT_ARTICLE)] = it.get_weight();
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
    CHECK(search::title_match_query(db, {{index::PREFIX_TITLE_STEM + "walrus", 1.0}}, 1.2, 0.75).empty());
}

TEST_CASE("Indexer: the title-length total follows edits and deletions", "[index][integration]") {
    TitledHelpCenter hc;
    hc.write("a", "Alpha topic", "Zebra.");        // 2 tokens
    hc.write("b", "Beta topic here", "Giraffe.");  // 3
    hc.write("c", "Gamma", "Walrus.");             // 1
    hc.index();
    CHECK(hc.database().get_metadata(index::META_TITLE_TOKENS) == "6");

    hc.write("b", "Beta topic here and there", "Giraffe.");  // 5: stop words are indexed too
    std::filesystem::remove(hc.dir / "articles/en/c.md");
    hc.index();
    CHECK(hc.database().get_metadata(index::META_TITLE_TOKENS) == "7");
}

TEST_CASE("Proximity pair: only sections where the words are near, weighed as OP_NEAR weighs them",
          "[search][integration]") {
    TitledHelpCenter hc;
    hc.write("near", "Setup", "Reset the router password today.");
    hc.write("far", "Other setup", "The router sits by the door, and much later you may change a password.");
    hc.write("one-word", "Third", "The router alone.");
    hc.index();
    Xapian::Database db = hc.database();

    Xapian::Enquire ours(db);
    ours.set_query(search::near_pair_query(db, "router", "password", 4, 1.0, 1.2, 0.75));
    const Xapian::MSet pairs = ours.get_mset(0, 10);
    REQUIRE(pairs.size() == 1);
    CHECK(pairs.begin().get_document().get_value(index::SLOT_ARTICLE) == "near");

    // The same weight as Xapian's own OP_NEAR, walked without pruning, with the same BM25.
    Xapian::Enquire xapian(db);
    xapian.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
    Xapian::Query words[] = {Xapian::Query("router"), Xapian::Query("password")};
    xapian.set_query(Xapian::Query(Xapian::Query::OP_NEAR, std::begin(words), std::end(words), 4));
    const Xapian::MSet near = xapian.get_mset(0, 10);
    REQUIRE(near.size() == 1);
    CHECK(pairs.begin().get_weight() == Approx(near.begin().get_weight()));
}
