// Index stage through the real parts: articles in a temporary folder, a real Xapian index on
// disk, searched with the real Searcher.
#include "index/indexer.h"
#include "analysis/analyzer_set.h"
#include "index/schema.h"
#include "search/searcher.h"
#include "support/temp_dir.h"

#include <xapian.h>
#include <catch2/catch.hpp>

using namespace anticipa;
using anticipa::test::TempDir;

namespace {

std::string markdown_article(const std::string& title, const std::string& body, const std::string& extra = "") {
    return "---\ntitle: " + title + "\n" + extra + "---\n\n" + body + "\n";
}

/// A help center in a temporary folder with its own index, using the project's real locales/.
struct HelpCenter {
    TempDir dir;
    analysis::AnalyzerSet analyzers{test::source_dir() / "locales"};

    void write(const std::string& path, const std::string& content) const { dir.write("articles/" + path, content); }
    void remove(const std::string& path) const { std::filesystem::remove(dir / ("articles/" + path)); }

    index::IndexSummary index() {
        index::IndexOptions options;
        options.index_dir = dir / "index";
        options.load.root = dir / "articles";
        return index::index_articles(options, analyzers);
    }

    search::SearchResponse search(const std::string& query, const std::string& locale,
                                  const std::string& tier = "basic") {
        search::Searcher searcher({dir / "index", "en"}, analyzers);
        search::SearchRequest request;
        request.query = query;
        request.locale = locale;
        request.tier = tier;
        return searcher.search(request);
    }

    std::vector<std::string> ids(const std::string& query, const std::string& locale,
                                 const std::string& tier = "basic") {
        std::vector<std::string> out;
        for (const auto& hit : search(query, locale, tier).hits) out.push_back(hit.id);
        return out;
    }
};

}  // namespace

TEST_CASE("Indexer: articles of each locale become searchable sections", "[index][integration]") {
    HelpCenter hc;
    hc.write("en/reset.md",
             markdown_article("Reset your password", "Intro.\n\n## Send a link {#link}\n\nOpen the sign-in page.",
                              "id: reset-password\n"));
    hc.write("pt/reset.md",
             markdown_article("Redefinir a senha", "Abra a página de login e peça um link.", "id: reset-password\n"));
    auto summary = hc.index();
    CHECK(summary.added == 2);
    CHECK(summary.failed == 0);
    CHECK(summary.sections == 3);

    auto en = hc.search("sign-in page", "en");
    REQUIRE(en.hits.size() == 1);
    CHECK(en.hits[0].link == "/en/articles/reset-password#link");
    CHECK(en.hits[0].heading == "Send a link");
    CHECK(hc.ids("senhas", "pt") == std::vector<std::string>{"reset-password"});
}

TEST_CASE("Indexer: unchanged files are skipped, changed ones updated, deleted ones removed", "[index][integration]") {
    HelpCenter hc;
    hc.write("en/a.md", markdown_article("Alpha topic", "The word zebra lives here."));
    hc.write("en/b.md", markdown_article("Beta topic", "The word giraffe lives here."));
    hc.write("en/c.md", markdown_article("Gamma topic", "The word walrus lives here."));
    REQUIRE(hc.index().added == 3);

    hc.write("en/b.md", markdown_article("Beta topic", "The word penguin lives here now."));
    hc.remove("en/c.md");
    auto summary = hc.index();
    CHECK(summary.unchanged == 1);
    CHECK(summary.updated == 1);
    CHECK(summary.removed == 1);
    CHECK(summary.added == 0);

    CHECK(hc.ids("penguin", "en") == std::vector<std::string>{"b"});
    CHECK(hc.ids("giraffe", "en").empty());
    CHECK(hc.ids("walrus", "en").empty());
    CHECK(hc.ids("zebra", "en") == std::vector<std::string>{"a"});

    auto again = hc.index();
    CHECK(again.unchanged == 2);
    CHECK(again.updated + again.added + again.removed == 0);
}

TEST_CASE("Indexer: a file that breaks keeps its previous version served", "[index][integration]") {
    HelpCenter hc;
    hc.write("en/a.md", markdown_article("Export your data", "Download a ZIP archive of the workspace."));
    REQUIRE(hc.index().added == 1);

    hc.write("en/a.md", "---\ntitle: [unclosed\n---\nBroken now.\n");
    auto summary = hc.index();
    CHECK(summary.failed == 1);
    REQUIRE(summary.problems.size() == 1);
    CHECK(summary.problems[0].code == "invalid_yaml");
    CHECK(hc.ids("archive", "en") == std::vector<std::string>{"a"});
}

TEST_CASE("Indexer: a second article with the same id in a locale is refused", "[index][integration]") {
    HelpCenter hc;
    hc.write("en/a.md", markdown_article("First", "Apples are here.", "id: same\n"));
    hc.write("en/b.md", markdown_article("Second", "Oranges are here.", "id: same\n"));
    auto summary = hc.index();
    CHECK(summary.added == 1);
    CHECK(summary.failed == 1);
    REQUIRE_FALSE(summary.problems.empty());
    CHECK(summary.problems[0].code == "duplicate_id");
    CHECK(summary.problems[0].message.find("articles/en/a.md") != std::string::npos);
    CHECK(summary.problems[0].line == 3);  // the `id:` line of b.md, where the writer fixes it
    CHECK(hc.ids("oranges", "en").empty());
}

TEST_CASE("Searcher: drafts and higher tiers stay out of the public results", "[search][integration]") {
    HelpCenter hc;
    hc.write("en/draft.md", markdown_article("Upcoming feature", "Teleportation arrives soon.", "status: draft\n"));
    hc.write("en/sso.md",
             markdown_article("Single sign-on", "Provision users with quokka tokens.", "tiers: [advanced]\n"));
    hc.write("en/team.md", markdown_article("Audit log", "The quokka audit trail.", "tiers: [standard, advanced]\n"));
    hc.index();
    CHECK(hc.ids("teleportation", "en").empty());
    CHECK(hc.ids("quokka", "en", "basic").empty());
    CHECK(hc.ids("quokka", "en", "standard") == std::vector<std::string>{"team"});
    CHECK(hc.ids("quokka", "en", "advanced").size() == 2);
    // A typo of a word only a higher tier can read is not "corrected" into it.
    CHECK(hc.search("quoka", "en", "basic").did_you_mean.empty());
    CHECK(hc.search("quoka", "en", "advanced").did_you_mean == "quokka");
}

TEST_CASE("Searcher: typos, prefixes, accents, synonyms and the default-locale fallback", "[search][integration]") {
    HelpCenter hc;
    hc.write("en/invoices.md",
             markdown_article("Download invoices", "Every payment produces an invoice you can download."));
    hc.write("en/boleto.md", markdown_article("Pay by bank slip", "Only some countries offer bank slips."));
    hc.write("pt/config.md", markdown_article("Configuração da conta", "Mude a configuração do seu perfil."));
    hc.write("pt/outro.md", markdown_article("Configuracao sem acento", "Texto escrito sem acentos sobre a conta."));
    hc.index();

    SECTION("a misspelt word is corrected and offered as did-you-mean") {
        auto response = hc.search("donwload invoices ", "en");
        CHECK(response.did_you_mean == "download invoices ");
        REQUIRE_FALSE(response.hits.empty());
        CHECK(response.hits[0].id == "invoices");
    }
    SECTION("the last word matches as a prefix while typing") {
        CHECK(hc.ids("invo", "en") == std::vector<std::string>{"invoices"});
        CHECK(hc.ids("invo ", "en").empty());  // a finished word is a word
    }
    SECTION("a query without accents finds accented text, and exact accents rank first") {
        auto response = hc.search("configuração", "pt");
        REQUIRE(response.hits.size() == 2);
        CHECK(response.hits[0].id == "config");
        CHECK(hc.ids("configuracao", "pt").size() == 2);
    }
    SECTION("synonyms from locales/ widen the query") {
        CHECK(hc.ids("receipt", "en") == std::vector<std::string>{"invoices"});
    }
    SECTION("a locale with no match falls back to the default locale, flagged") {
        auto response = hc.search("bank slip", "it");
        CHECK(response.fallback);
        CHECK(response.locale == "en");
        REQUIRE(response.hits.size() == 1);
        CHECK(response.hits[0].id == "boleto");
        CHECK_FALSE(hc.search("configuração", "pt").fallback);
    }
    SECTION("snippets mark the matched words by byte range") {
        auto response = hc.search("payment", "en");
        REQUIRE(response.hits.size() == 1);
        const auto& snippet = response.hits[0].snippet;
        REQUIRE(snippet.highlights.size() == 1);
        auto [from, to] = snippet.highlights[0];
        CHECK(snippet.text.substr(from, to - from) == "payment");
    }
}

TEST_CASE("Searcher: Simplified queries find Traditional articles", "[search][integration][zh]") {
    HelpCenter hc;
    hc.write("zh-TW/a.md", markdown_article("忘記密碼時如何重設", "在登入頁面點選忘記密碼，我們會寄一封重設信給你。"));
    hc.write("zh-TW/b.md", markdown_article("下載發票", "在帳務設定中下載每一張發票。"));
    hc.index();
    CHECK(hc.ids("忘记密码", "zh-TW") == std::vector<std::string>{"a"});
    CHECK(hc.ids("下载发票", "zh-CN") == std::vector<std::string>{"b"});  // zh-CN customers see zh-TW articles
    CHECK(hc.ids("发票", "zh-TW") == std::vector<std::string>{"b"});
}

TEST_CASE("Searcher: refuses an index made by a different analyzer", "[search][integration]") {
    HelpCenter hc;
    hc.write("en/a.md", markdown_article("Alpha", "Some text."));
    hc.index();
    TempDir other_locales;
    other_locales.write("en/analysis.yaml", "stemmer: none\n");
    analysis::AnalyzerSet other(other_locales.path());
    CHECK_THROWS_AS(search::Searcher({hc.dir / "index", "en"}, other), search::IndexUnusable);

    // Indexing with the new profile rebuilds every file instead of skipping it.
    index::IndexOptions options;
    options.index_dir = hc.dir / "index";
    options.load.root = hc.dir / "articles";
    auto summary = index::index_articles(options, other);
    CHECK(summary.updated == 1);
    CHECK_NOTHROW(search::Searcher({hc.dir / "index", "en"}, other));
}

TEST_CASE("Indexer: words of a deleted article leave the spelling dictionary", "[index][integration]") {
    HelpCenter hc;
    hc.write("en/a.md", markdown_article("Kangaroo care", "Feeding a kangaroo."));
    hc.write("en/b.md", markdown_article("Other", "Nothing related."));
    hc.index();
    CHECK(hc.search("kangarooo", "en").did_you_mean == "kangaroo");
    hc.remove("en/a.md");
    hc.index();
    CHECK(hc.search("kangarooo", "en").did_you_mean.empty());
}

TEST_CASE("Indexer: the title-length total follows edits and deletions", "[index][integration]") {
    HelpCenter hc;
    auto database = [&] { return Xapian::Database((hc.dir / "index" / "en").string()); };
    hc.write("en/a.md", "---\nid: a\ntitle: Alpha topic\n---\n\nZebra.\n");        // 2 tokens
    hc.write("en/b.md", "---\nid: b\ntitle: Beta topic here\n---\n\nGiraffe.\n");  // 3
    hc.write("en/c.md", "---\nid: c\ntitle: Gamma\n---\n\nWalrus.\n");             // 1
    REQUIRE(hc.index().failed == 0);
    CHECK(database().get_metadata(index::META_TITLE_TOKENS) == "6");

    hc.write("en/b.md", "---\nid: b\ntitle: Beta topic here and there\n---\n\nGiraffe.\n");  // 5: stop words count
    hc.remove("en/c.md");
    REQUIRE(hc.index().failed == 0);
    CHECK(database().get_metadata(index::META_TITLE_TOKENS) == "7");
}
