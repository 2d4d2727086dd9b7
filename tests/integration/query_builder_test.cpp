// Search stage: the queries QueryBuilder builds, as Xapian describes them, one golden line per
// language (Xapian's own tests compare queries this way). A temporary help center and locales/
// folder keep the goldens independent of the sample articles and their synonym lists.
#include "search/query_builder.h"
#include "analysis/analyzer_set.h"
#include "index/indexer.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace anticipa;

namespace {

struct GoldenHelpCenter {
    test::TempDir dir;
    std::unique_ptr<analysis::AnalyzerSet> analyzers;

    GoldenHelpCenter() {
        auto profile = [&](const std::string& tag, const std::string& stemmer, const std::string& extra,
                           const std::string& stopwords, const std::string& synonyms) {
            dir.write("locales/" + tag + "/analysis.yaml",
                      "stemmer: " + stemmer + "\nstopwords: stopwords.txt\nsynonyms: synonyms.txt\n" + extra);
            dir.write("locales/" + tag + "/stopwords.txt", stopwords);
            dir.write("locales/" + tag + "/synonyms.txt", synonyms);
        };
        profile("en", "english", "", "the\nmy\n", "invoice, receipt\n");
        profile("pt", "portuguese", "", "a\nde\n", "");
        profile("es", "spanish", "", "la\nde\n", "");
        profile("it", "italian", "split_apostrophes: true\n", "di\n", "");
        profile("zh", "none", "fold_chinese_script: true\n", "的\n", "");
        article("en", "reset", "Reset the password", "Reset a forgotten password. Resetting passwords is quick.");
        article("en", "billing", "Invoices", "Download a receipt or an invoice.");
        article("pt", "senha", "Redefinir a senha", "Não consigo redefinir a configuração da senha.");
        article("es", "clave", "Cambiar la contraseña", "Cómo cambiar la contraseña de la cuenta.");
        article("it", "account", "Modifica dell'account", "Modificare le impostazioni dell'account.");
        article("zh-TW", "mima", "忘記密碼", "忘記密碼怎麼辦");
        analyzers = std::make_unique<analysis::AnalyzerSet>(dir / "locales");
        index::IndexOptions options;
        options.index_dir = dir / "index";
        options.load.root = dir / "articles";
        REQUIRE(index::index_articles(options, *analyzers).failed == 0);
    }

    void article(const std::string& locale, const std::string& id, const std::string& title,
                 const std::string& body) const {
        dir.write("articles/" + locale + "/" + id + ".md",
                  "---\nid: " + id + "\ntitle: " + title + "\n---\n\n" + body + "\n");
    }

    search::BuiltQuery build(const std::string& locale, const std::string& text, bool typing = false) const {
        Xapian::Database db((dir / "index" / locale).string());
        search::SearchRequest request;
        request.query = text;
        request.locale = locale;
        request.prefix_last_word = typing;
        search::RankingOptions ranking;
        return search::QueryBuilder(analyzers->for_locale(locale), db, ranking).build(request);
    }
};

/// The second phase as one line: title terms with their factor, then the near pairs.
std::string describe(const search::SecondPhase& second) {
    std::string out;
    for (const auto& word : second.title_words)
        out += (out.empty() ? "" : " ") + word.term + "*" + Catch::Detail::stringify(word.factor);
    for (const auto& pair : second.near_pairs) out += (out.empty() ? "" : " ") + pair.first + "~" + pair.second;
    return out;
}

}  // namespace

TEST_CASE("Query builder: the first phase and the second, per language", "[search][integration]") {
    GoldenHelpCenter hc;
    struct Case {
        std::string locale, text, first_phase, second_phase;
    };
    // 0.5: accent-free forms and Chinese bigrams; 0.2: stem families and Chinese characters; 0.7:
    // stop words; 0.6: a synonym group's other phrasings (RankingOptions).
    const std::vector<Case> cases{
        {"en", "reset the passwords",
         "Query((((Zreset OR 0.5 * XFreset) OR 0.2000000000000000111 * WILDCARD SYNONYM Zreset) OR "
         "0.69999999999999995559 * (Zthe OR 0.5 * XFthe) OR ((Zpassword OR 0.5 * XFpassword) OR "
         "0.2000000000000000111 * WILDCARD SYNONYM Zpassword)))",
         "ZSreset*1.0 ZSthe*1.0 ZSpassword*1.0 reset~passwords"},
        {"en", "receipt",
         "Query(((Zreceipt OR 0.5 * XFreceipt) OR 0.5999999999999999778 * (Zinvoic OR 0.5 * XFinvoic)))", ""},
        {"pt", "configuracao da senha",
         "Query((((Zconfiguraca OR 0.5 * XFconfiguraca) OR 0.2000000000000000111 * WILDCARD SYNONYM Zconfiguraca) OR "
         "(Zda OR 0.5 * XFda) OR (Zsenh OR 0.5 * XFsenh)))",
         "ZSconfiguraca*1.0 ZSda*1.0 ZSsenh*1.0 configuracao~da da~senha"},
        {"es", "cambiar contraseña",
         "Query((((Zcambi OR 0.5 * XFcambi) OR 0.2000000000000000111 * WILDCARD SYNONYM Zcambi) OR ((Zcontraseñ OR "
         "0.5 * XFcontrasen OR Zcontrasen) OR 0.2000000000000000111 * WILDCARD SYNONYM Zcontraseñ)))",
         "ZScambi*1.0 ZScontrasen*1.0 cambiar~contraseña"},
        {"it", "modifica dell'account",
         "Query((((Zmodif OR 0.5 * XFmodif) OR 0.2000000000000000111 * WILDCARD SYNONYM Zmodif) OR (Zdell OR 0.5 * "
         "XFdell) OR ((Zaccount OR 0.5 * XFaccount) OR 0.2000000000000000111 * WILDCARD SYNONYM Zaccount)))",
         "ZSmodif*1.0 ZSdell*1.0 ZSaccount*1.0 modifica~dell dell~account"},
        {"zh-TW", "忘記密碼",
         "Query(((Z忘记 OR 0.5 * Z记密 OR 0.2000000000000000111 * (XH忘 OR XH记)) OR (Z密码 OR "
         "0.2000000000000000111 * (XH密 OR XH码))))",
         "ZS忘记*1.0 ZS密码*1.0 忘记~密码"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.locale, c.text);
        const auto built = hc.build(c.locale, c.text);
        CHECK(built.first_phase.get_description() == c.first_phase);
        CHECK(describe(built.second_phase) == c.second_phase);
    }
}

TEST_CASE("Query builder: the last word typed so far also matches as a prefix, and is no typo",
          "[search][integration]") {
    GoldenHelpCenter hc;
    const auto built = hc.build("en", "reset passw", true);
    CHECK(built.prefix == "passw");
    CHECK(built.first_phase.get_description() ==
          "Query((((Zreset OR 0.5 * XFreset) OR 0.2000000000000000111 * WILDCARD SYNONYM Zreset) OR ((Zpassw OR 0.5 * "
          "XFpassw) OR WILDCARD SYNONYM passw)))");
    CHECK(built.corrected.empty());
}

TEST_CASE("Query builder: the filter keeps other tiers' and draft articles out", "[search][integration]") {
    search::SearchRequest request;
    request.tier = "standard";
    request.tags = {"billing"};
    request.category = "account";
    CHECK(search::filter_of(request).get_description() ==
          "Query(((XTstandard AND XSpublished) AND Kbilling AND XCaccount))");
    request.include_drafts = true;  // writers previewing: drafts too, still only their tier's
    CHECK(search::filter_of(request).get_description() == "Query((XTstandard AND Kbilling AND XCaccount))");
}
