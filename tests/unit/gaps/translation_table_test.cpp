// Gaps stage, alone: the translation table's senses, Unihan's glosses read from a file written by
// the test, and the grouping across languages on what terms mean (group_question_keys()) with a
// table the test fills by hand, so each case shows the one bridge it is about.
#include "gaps/character_glosses.h"
#include "gaps/question_grouping.h"
#include "gaps/translation_table.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace anticipa;

namespace {

analysis::AnalyzerSet& analyzers() {
    static analysis::AnalyzerSet set(test::source_dir() / "locales");
    return set;
}

gaps::QuestionKey key(const std::string& locale, const std::string& query) {
    return gaps::question_key(analyzers(), locale, query);
}

void translate(gaps::TranslationTable& table, const std::string& language, const std::string& term,
               const std::vector<std::string>& pivots, const std::string& source = "test") {
    for (const std::string& pivot : pivots) table.add({language, term, pivot, 1.0, 1, source});
}

/// The group each query lands in when all are grouped together, one search each.
std::vector<std::string> grouped(const std::vector<std::pair<std::string, std::string>>& queries,
                                 const gaps::TranslationTable& table) {
    std::vector<gaps::KeyVolume> volumes;
    std::vector<std::string> own;
    for (const auto& [locale, query] : queries) {
        volumes.push_back({key(locale, query), 1});
        own.push_back(volumes.back().question.key);
    }
    const auto into = gaps::group_question_keys(volumes, table);
    std::vector<std::string> groups;
    for (const std::string& k : own) groups.push_back(into.at(k));
    return groups;
}

}  // namespace

TEST_CASE("Translation table: every sense of a term, the most trusted first, each once", "[gaps][unit]") {
    gaps::TranslationTable table("en");
    translate(table, "pt", "quadr", {"board"}, "help center");
    translate(table, "pt", "quadr", {"picture", "frame", "board"}, "freedict-por-eng");
    REQUIRE(table.all("pt", "quadr").size() == 3);
    CHECK(table.find("pt", "quadr")->pivot == "board");
    CHECK(table.find("pt", "quadr")->source == "help center");  // given again by the dictionary: kept once
    CHECK(table.all("pt", "quadr")[1].pivot == "picture");
    CHECK(table.all("es", "quadr").empty());
    CHECK(table.size() == 3);
    CHECK(table.entries().size() == 3);
}

TEST_CASE("Unihan: each character's definition, and the first one-word senses as pivot terms", "[gaps][unit][zh]") {
    test::TempDir dir;
    dir.write("Unihan_Readings.txt", "# a comment\n"
                                     "U+5370\tkDefinition\tprint, seal, stamp, chop, mark\n"
                                     "U+5370\tkMandarin\tyìn\n"
                                     "U+7B46\tkDefinition\twriting brush; write; stroke\n");
    const gaps::CharacterDefinitions definitions = gaps::read_unihan_definitions(dir / "Unihan_Readings.txt");
    REQUIRE(definitions.size() == 2);
    CHECK(definitions.at(U'\u5370') == "print, seal, stamp, chop, mark");

    gaps::TranslationTable table("en");
    const analysis::Analyzer& english = analyzers().for_locale("en");
    SECTION("the first sense of each character") {
        table.add_character_glosses(definitions, english, 1);
        CHECK(table.glossed_characters() == 2);
        // 列 has no definition here; 印's first sense is "print"; "writing brush" is two words.
        CHECK(table.character_senses("列印") == std::vector<std::string>{"print"});
        CHECK(table.character_senses("筆") == std::vector<std::string>{"write"});
        CHECK(table.character_senses("print").empty());
    }
    SECTION("more senses when asked") {
        table.add_character_glosses(definitions, english, 3);
        CHECK(table.character_senses("印") == std::vector<std::string>{"print", "seal", "stamp"});
    }
    SECTION("a malformed line names the file and the line") {
        dir.write("bad.txt", "U+5370\tkDefinition\tprint\nU+XYZ\tkDefinition\tnothing\n");
        CHECK_THROWS_WITH(gaps::read_unihan_definitions(dir / "bad.txt"), Catch::Contains("bad.txt:2"));
    }
    SECTION("a missing file is named") {
        CHECK_THROWS_WITH(gaps::read_unihan_definitions(dir / "none.txt.bz2"), Catch::Contains("none.txt.bz2"));
    }
}

TEST_CASE("Question grouping across languages: the phrasing's other words pick a term's sense", "[gaps][unit][pt]") {
    gaps::TranslationTable table("en");
    translate(table, "pt", "imprim", {"print"});
    translate(table, "pt", "quadr", {"picture", "frame", "board"});
    translate(table, "es", "imprim", {"print"});
    translate(table, "es", "tabler", {"board", "plank"});
    const auto groups = grouped({{"en", "print my board"},
                                 {"en", "print my board"},
                                 {"pt", "imprimir quadro"},
                                 {"es", "imprimir el tablero"},
                                 {"en", "frame a picture"},
                                 {"en", "share a board"}},
                                table);
    CHECK(groups[2] == groups[0]);  // quadro's third sense, with imprimir's first
    CHECK(groups[3] == groups[0]);
    CHECK(groups[4] != groups[0]);  // quadro also means picture and frame: one word of two is not enough
    CHECK(groups[5] != groups[0]);  // one word of three in common: another question

    // Their meanings: each term itself, and its senses.
    const auto meanings = gaps::term_meanings(key("pt", "imprimir quadro"), table);
    REQUIRE(meanings.size() == 2);
    CHECK(meanings[1] == std::set<std::string>{"board", "frame", "picture", "quadr"});
    CHECK(gaps::meaning_overlap(meanings, gaps::term_meanings(key("en", "print my board"), table)) == Approx(1.0));

    const auto lines = gaps::joining_translations({key("en", "print my board"), key("pt", "imprimir quadro")}, table);
    CHECK(lines == std::vector<std::string>{"board (en) \xE2\x89\x88 quadr (pt)", "print (en) \xE2\x89\x88 imprim (pt)"});
}

TEST_CASE("Question grouping across languages: two words sharing one with two others stay apart", "[gaps][unit]") {
    gaps::TranslationTable table("en");
    translate(table, "pt", "senh", {"password"});
    const auto groups = grouped({{"en", "reset password"}, {"en", "reset password"}, {"en", "change password"},
                                 {"pt", "trocar senha"}, {"pt", "senha"}},
                                table);
    CHECK(groups[2] != groups[0]);
    CHECK(groups[3] != groups[0]);  // "trocar" has no translation here: one word of three in common
    // "senha" alone is half of "reset password" and joins it, but does not bring "trocar senha",
    // half like it, along.
    CHECK(groups[4] == groups[0]);
}

TEST_CASE("Question grouping across languages: a question meets through any phrasing already grouped",
          "[gaps][unit][pt][es]") {
    // pt and en share no translated word; each shares two of three with the es phrasing.
    gaps::TranslationTable table("en");
    translate(table, "es", "imprim", {"print"});
    translate(table, "es", "tabler", {"board"});
    translate(table, "pt", "quadr", {"board"});
    const auto groups = grouped({{"es", "imprimir el tablero en pdf"},
                                 {"es", "imprimir el tablero en pdf"},
                                 {"en", "print board"},
                                 {"pt", "quadro pdf"}},
                                table);
    CHECK(groups[2] == groups[0]);
    CHECK(groups[3] == groups[0]);
    CHECK(gaps::meaning_overlap(gaps::term_meanings(key("en", "print board"), table),
                                gaps::term_meanings(key("pt", "quadro pdf"), table)) == Approx(1.0 / 3.0));
}

TEST_CASE("Question grouping across languages: a phrasing joins the question it is nearest, not the first it meets",
          "[gaps][unit][pt]") {
    // "nota" is a note, and also a bill (hence an account): "restaurar nota excluída" meets
    // "deleting account" on two words of three, and "restore deleted note" on all three.
    gaps::TranslationTable table("en");
    translate(table, "pt", "restaur", {"restor"});
    translate(table, "pt", "not", {"note", "bill", "account"});
    translate(table, "pt", "exclu", {"delet"});
    const auto groups = grouped({{"en", "deleting account"},
                                 {"en", "deleting account"},
                                 {"en", "deleting account"},
                                 {"pt", "restaurar nota excluída"},
                                 {"pt", "restaurar nota excluída"},
                                 {"en", "restore deleted note"}},
                                table);
    REQUIRE(gaps::meaning_overlap(gaps::term_meanings(key("pt", "restaurar nota excluída"), table),
                                  gaps::term_meanings(key("en", "deleting account"), table)) >= 0.4);
    CHECK(groups[3] == groups[5]);
    CHECK(groups[3] != groups[0]);  // the larger question, met first, is not the nearest
    CHECK(groups[5] != groups[0]);
}
