// Gaps stage, alone: the yardstick of the grouping. B-cubed and cross-language pair scores on
// groupings small enough to work out by hand.
#include "gaps/grouping_measure.h"

#include <catch2/catch.hpp>

using namespace anticipa;
using gaps::KnownPhrasing;

namespace {

/// Question A asked in en (twice), pt and zh-TW; question B in en and es.
const std::vector<KnownPhrasing> PHRASINGS{
    {"en", "restore deleted note", "A"}, {"pt", "lixeira", "A"},  {"en", "trash bin", "A"}, {"en", "dark mode", "B"},
    {"es", "modo oscuro", "B"},          {"zh-TW", "垃圾桶", "A"}};

}  // namespace

TEST_CASE("Grouping measure: a grouping that splits languages keeps precision and loses cross-language recall",
          "[gaps][unit]") {
    // Each language alone: en's A together, B's en and es apart.
    const auto score = gaps::score_grouping(PHRASINGS, {"g1", "g2", "g1", "g3", "g4", "g5"});
    CHECK(score.phrasings == 6);
    CHECK(score.questions == 2);
    CHECK(score.groups == 5);
    CHECK(score.precision == Approx(1.0));
    // A's four phrasings: 2/4, 1/4, 2/4, 1/4; B's two: 1/2, 1/2.
    CHECK(score.recall == Approx((0.5 + 0.25 + 0.5 + 0.25 + 0.5 + 0.5) / 6));
    CHECK(score.across_languages.recall() == Approx(0.0));
    CHECK(score.across_languages.precision() == Approx(1.0));  // nothing merged, nothing merged wrong
    // Pairs of one question in two languages: A en-pt x2, en-zh x2, pt-zh; B en-es.
    CHECK(score.across_languages.same_question == 6);
    CHECK(score.chinese_pairs.same_question == 3);
    CHECK(score.latin_pairs.same_question == 3);
}

TEST_CASE("Grouping measure: a wrong merge costs precision, a right one across languages earns recall",
          "[gaps][unit]") {
    // A's en and pt together (right), B's es joins them (wrong), zh alone.
    const auto score = gaps::score_grouping(PHRASINGS, {"g1", "g1", "g1", "g3", "g1", "g5"});
    // g1 = {A en, A pt, A en, B es}: the three of A see 3/4, B es sees 1/4; B en alone, zh alone.
    CHECK(score.precision == Approx((0.75 * 3 + 0.25 + 1 + 1) / 6));
    CHECK(score.recall == Approx((0.75 * 3 + 0.5 + 0.5 + 0.25) / 6));
    CHECK(score.latin_pairs.same_group == 5);  // en-pt x2, en-es x2, pt-es
    CHECK(score.latin_pairs.both == 2);
    CHECK(score.latin_pairs.precision() == Approx(0.4));
    CHECK(score.chinese_pairs.same_group == 0);
    CHECK(score.chinese_pairs.recall() == Approx(0.0));
}

TEST_CASE("Grouping measure: a phrasing typed many times counts once", "[gaps][unit]") {
    std::vector<KnownPhrasing> repeated = PHRASINGS;
    repeated.push_back({"pt", "lixeira", "A"});
    std::vector<std::string> groups{"g1", "g2", "g1", "g3", "g4", "g5", "g2"};
    CHECK(gaps::score_grouping(repeated, groups).phrasings == 6);
    CHECK(gaps::score_grouping(repeated, groups).recall ==
          Approx(gaps::score_grouping(PHRASINGS, {"g1", "g2", "g1", "g3", "g4", "g5"}).recall));
}
