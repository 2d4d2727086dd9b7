// Gaps stage, alone: term pairs learned from parallel segments (IBM Model 1 both ways, the
// intersection kept), and the dictd reader on files written by the test.
#include "gaps/word_alignment.h"
#include "gaps/bilingual_dictionary.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

using namespace anticipa;
using gaps::ParallelSegment;

namespace {

std::string pivot_of(const std::vector<gaps::TermPair>& pairs, const std::string& foreign) {
    auto found = std::find_if(pairs.begin(), pairs.end(), [&](const auto& pair) { return pair.foreign == foreign; });
    return found == pairs.end() ? "" : found->pivot;
}

}  // namespace

TEST_CASE("Word alignment: words that travel together across translations pair up", "[gaps][unit]") {
    const std::vector<ParallelSegment> segments{
        {{"lixeira", "nota"}, {"trash", "note"}},    {{"nota", "apag"}, {"note", "delet"}},
        {{"esvazi", "lixeira"}, {"empty", "trash"}}, {{"apag", "quadr"}, {"delet", "board"}},
        {{"quadr", "okta"}, {"board", "okta"}},      {{"lixeira", "quadr"}, {"trash", "board"}},
    };
    const auto pairs = gaps::align_terms(segments);
    CAPTURE(pairs.size());
    CHECK(pivot_of(pairs, "lixeira") == "trash");
    CHECK(pivot_of(pairs, "nota") == "note");
    CHECK(pivot_of(pairs, "apag") == "delet");
    CHECK(pivot_of(pairs, "quadr") == "board");
    CHECK(pivot_of(pairs, "esvazi").empty());  // seen once: below min_segments
    CHECK(pivot_of(pairs, "okta").empty());    // spelled alike: no pair needed
    for (const auto& pair : pairs) {
        CAPTURE(pair.foreign, pair.pivot);
        CHECK(pair.probability >= 0.3);
        CHECK(pair.segments >= 2);
    }
}

TEST_CASE("Word alignment: nothing to learn from segments without a side", "[gaps][unit]") {
    CHECK(gaps::align_terms({}).empty());
    CHECK(gaps::align_terms({{{"lixeira"}, {}}, {{}, {"trash"}}}).empty());
}

TEST_CASE("Dictionary: a dictd index and text give headwords and their translations by sense", "[gaps][unit]") {
    test::TempDir dir;
    // Offsets and lengths in dictd's base64 digits: "A" = 0, "Y" = 24, "r" = 43.
    const std::string quadro = "quadro /kwadru/\n1. image, picture\n2. frame\n";
    const std::string lixo = "lixo\ntrash, garbage can\n";
    REQUIRE(quadro.size() == 43);
    REQUIRE(lixo.size() == 24);
    dir.write("test-por-eng.dict", quadro + lixo);
    dir.write("test-por-eng.index", "00databaseshort\tA\tB\nquadro\tA\tr\nlixo\tr\tY\n");
    const auto entries = gaps::read_dictd(dir / "test-por-eng");
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].headword == "quadro");
    CHECK(entries[0].translations == std::vector<std::string>{"image", "picture", "frame"});
    CHECK(entries[1].headword == "lixo");
    CHECK(entries[1].translations == std::vector<std::string>{"trash", "garbage can"});

    SECTION("an entry past the end of the text names the index line") {
        dir.write("bad-por-eng.dict", quadro);
        dir.write("bad-por-eng.index", "quadro\tA\tr\nlixo\tr\tY\n");
        CHECK_THROWS_WITH(gaps::read_dictd(dir / "bad-por-eng"), Catch::Contains("bad-por-eng.index:2"));
    }
    SECTION("a missing dictionary names its file") {
        CHECK_THROWS_WITH(gaps::read_dictd(dir / "none-por-eng"), Catch::Contains("none-por-eng.index"));
    }
}

TEST_CASE("Dictionary: FreeDict names come from ISO 639-3 codes", "[gaps][unit]") {
    CHECK(gaps::freedict_name("pt", "en") == "freedict-por-eng");
    CHECK(gaps::freedict_name("en", "it") == "freedict-eng-ita");
    CHECK(gaps::freedict_name("es", "en") == "freedict-spa-eng");
}
