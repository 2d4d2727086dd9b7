// Gaps stage, alone: the translation table kept beside the index (gaps/stored_translations.h),
// written and read back in a temporary folder, and the stamp that says what it was learned from.
#include "gaps/stored_translations.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace anticipa;

namespace {

gaps::Translations sample_table() {
    gaps::Translations translations{gaps::TranslationTable("en"), {"no FreeDict dictionary for it"}};
    translations.table.add({"pt", "quadr", "board", 0.8, 4, "help center"});
    translations.table.add({"pt", "quadr", "picture", 1.0, 1, "freedict-por-eng"});
    translations.table.add({"es", "tabler", "board", 1.0, 1, "freedict-spa-eng"});
    translations.table.add_character_senses(U'\u5370', {"print", "seal"});
    return translations;
}

/// The file with its lines after the first `keep` replaced by `tail`.
void rewrite_tail(const std::filesystem::path& file, std::size_t keep, const std::string& tail) {
    std::ifstream in(file);
    std::string line, kept;
    for (std::size_t i = 0; i < keep && std::getline(in, line); ++i) kept += line + "\n";
    in.close();
    std::ofstream(file, std::ios::trunc) << kept << tail;
}

}  // namespace

TEST_CASE("Stored translations: read back as written, only for the sources they were learned from",
          "[gaps][unit]") {
    test::TempDir dir;
    const gaps::Translations written = sample_table();
    gaps::store_translations(dir.path(), written, "stamp-1");
    REQUIRE(std::filesystem::exists(gaps::stored_translations_path(dir.path())));

    const auto read = gaps::read_stored_translations(dir.path(), "stamp-1");
    REQUIRE(read);
    CHECK(read->table.pivot_language() == "en");
    CHECK(read->warnings == written.warnings);
    REQUIRE(read->table.entries().size() == 3);
    // Each term's senses in their order of trust, with where they were learned.
    const auto& quadro = read->table.all("pt", "quadr");
    REQUIRE(quadro.size() == 2);
    CHECK(quadro[0].pivot == "board");
    CHECK(quadro[0].source == "help center");
    CHECK(quadro[0].probability == Approx(0.8));
    CHECK(quadro[0].segments == 4);
    CHECK(quadro[1].pivot == "picture");
    CHECK(read->table.character_senses("列印") == std::vector<std::string>{"print", "seal"});

    SECTION("learned from something else: not read") {
        CHECK_FALSE(gaps::read_stored_translations(dir.path(), "stamp-2"));
    }
    SECTION("a file cut short is not read") {
        rewrite_tail(gaps::stored_translations_path(dir.path()), 5, "");
        CHECK_FALSE(gaps::read_stored_translations(dir.path(), "stamp-1"));
    }
    SECTION("a damaged line is not read") {
        rewrite_tail(gaps::stored_translations_path(dir.path()), 4, "term\tpt\tquadr\tboard\tnot-a-number\t1\tx\nend\n");
        CHECK_FALSE(gaps::read_stored_translations(dir.path(), "stamp-1"));
    }
    SECTION("none stored") {
        test::TempDir empty;
        CHECK_FALSE(gaps::read_stored_translations(empty.path(), "stamp-1"));
    }
    SECTION("a new table replaces the old one") {
        gaps::store_translations(dir.path(), gaps::Translations{gaps::TranslationTable("en"), {}}, "stamp-2");
        CHECK_FALSE(gaps::read_stored_translations(dir.path(), "stamp-1"));
        REQUIRE(gaps::read_stored_translations(dir.path(), "stamp-2"));
        CHECK(gaps::read_stored_translations(dir.path(), "stamp-2")->table.empty());
    }
}

TEST_CASE("Stored translations: the stamp changes with the articles, the index revision and the dictionaries",
          "[gaps][unit]") {
    test::TempDir dir;
    dir.write("articles/en/a.md", "---\nid: a\n---\n# A\n");
    dir.write("dictd/freedict-por-eng.index", "x");
    const gaps::DictionaryOptions dictionaries{.folder = dir / "dictd", .unihan = {}};
    const std::string before = gaps::translation_sources(dir / "articles", "en:1", dictionaries);
    CHECK(gaps::translation_sources(dir / "articles", "en:1", dictionaries) == before);
    CHECK(gaps::translation_sources(dir / "articles", "en:2", dictionaries) != before);
    dir.write("dictd/freedict-spa-eng.index", "y");
    const std::string with_spanish = gaps::translation_sources(dir / "articles", "en:1", dictionaries);
    CHECK(with_spanish != before);
    dir.write("articles/en/a.md", "---\nid: a\n---\n# A, edited\n");
    CHECK(gaps::translation_sources(dir / "articles", "en:1", dictionaries) != with_spanish);
}
