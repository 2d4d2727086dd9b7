// Search stage reads of whole articles over a real index: tier, drafts, translations, routes.
#include "index/indexer.h"
#include "search/search_service.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace anticipa;

TEST_CASE("ArticleReader: whole articles, translations and product routes, always per tier", "[search][integration]") {
    test::TempDir dir;
    auto write = [&](const std::string& path, const std::string& front, const std::string& body) {
        dir.write("articles/" + path, "---\n" + front + "---\n\n" + body + "\n");
    };
    write("en/sso.md", "id: sso\ntitle: Single sign-on\ntiers: [advanced]\ncontext: [/settings/security]\n",
          "Intro.\n\n## Configure {#configure}\n\nSteps.");
    write("en/reset.md", "id: reset\ntitle: Reset password\ncategory: account\ncontext: [/login]\n",
          "Intro.\n\n## Link {#link}\n\nOpen it.\n\n## Spam\n\nCheck it.");
    write("pt/reset.md", "id: reset\ntitle: Redefinir senha\ncategory: account\ncontext: [/login]\n", "Texto.");
    write("en/draft.md", "id: draft\ntitle: Draft\nstatus: draft\ncontext: [/login]\n", "Soon.");
    analysis::AnalyzerSet analyzers(test::source_dir() / "locales");
    index::IndexOptions options;
    options.index_dir = dir / "index";
    options.load.root = dir / "articles";
    REQUIRE(index::index_articles(options, analyzers).failed == 0);
    search::SearchService service({options.index_dir, "en"}, analyzers);

    auto reset = service.article("en", "reset", "basic");
    REQUIRE(reset);
    CHECK(reset->title == "Reset password");
    REQUIRE(reset->sections.size() == 3);
    CHECK(reset->sections[1].anchor == "link");
    CHECK(reset->sections[1].html.find("<h2 id=\"link\">") != std::string::npos);
    CHECK(reset->translations == std::vector<std::string>{"pt"});

    CHECK_FALSE(service.article("en", "sso", "basic"));
    CHECK(service.article("en", "sso", "advanced"));
    CHECK_FALSE(service.article("en", "draft", "advanced"));
    CHECK_FALSE(service.article("en", "nope", "basic"));

    auto login = service.articles_for_route("/login", "pt", "basic", 5);
    REQUIRE(login.size() == 1);
    CHECK(login[0].id == "reset");
    CHECK(login[0].locale == "pt");
    CHECK(service.articles_for_route("/settings/security/2fa", "en", "basic", 5).empty());
    CHECK(service.articles_for_route("/settings/security/2fa", "en", "advanced", 5).size() == 1);
    CHECK(service.articles_for_route("/login", "it", "basic", 5).at(0).locale == "en");  // default locale

    CHECK(service.all_articles("en", "basic").size() == 1);
    CHECK(service.all_articles("en", "advanced").size() == 2);
}
