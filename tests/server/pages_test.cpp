// Server pages: the server-rendered help center over real HTTP — a real HelpCenterServer on an
// ephemeral loopback port over the sample help center, stopped in the fixture's destructor.
#include "help_center_server.h"
#include "index/indexer.h"
#include "pages/locale_negotiation.h"
#include "pages/ui_messages.h"
#include "support/served_help_center.h"
#include "tier_token.h"

#include <httplib.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <thread>

using namespace anticipa;

namespace {

const std::string SECRET = "pages-secret";

struct ServedPages : test::ServedHelpCenter {
    explicit ServedPages(const std::function<void(server::ServerConfig&)>& adjust = {})
        : test::ServedHelpCenter({.tier_secret = SECRET, .allowed_origins = {}, .adjust = adjust}) {}

    /// The response of a GET, checked to be HTML with a charset.
    httplib::Response get(const std::string& path, const httplib::Headers& headers = {}) const {
        auto result = client().Get(path.c_str(), headers);
        REQUIRE(result);
        CAPTURE(path, result->status);
        CHECK(result->get_header_value("Content-Type") == "text/html; charset=utf-8");
        return *result;
    }
    httplib::Response post(const std::string& path, const std::string& form,
                           const httplib::Headers& headers = {}) const {
        auto result = client().Post(path.c_str(), headers, form, "application/x-www-form-urlencoded");
        REQUIRE(result);
        CHECK(result->get_header_value("Content-Type") == "text/html; charset=utf-8");
        return *result;
    }
};

httplib::Headers cookie_for(const std::string& tier) {
    return {{"Cookie", "theme=dark; anticipa_token=" + server::sign_tier_token(tier, SECRET, std::chrono::hours(1))}};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("Pages: UI strings pluralize with ICU and fall back to English", "[server][pages]") {
    server::pages::UiMessages messages(test::source_dir() / "locales");
    struct Case {
        std::string locale;
        std::int64_t count;
        std::string expected;
    };
    for (const auto& c : std::vector<Case>{{"en", 1, "1 result"},
                                           {"en", 5, "5 results"},
                                           {"pt", 1, "1 resultado"},
                                           {"pt", 5, "5 resultados"},
                                           {"it", 1, "1 risultato"},
                                           {"zh-TW", 5, "共 5 筆結果"},
                                           {"zh-CN", 5, "共 5 条结果"}}) {
        CAPTURE(c.locale, c.count);
        CHECK(messages.text(c.locale, "search.results", {{"count", c.count}}) == c.expected);
    }
    CHECK(messages.text("pt", "support.forum_url") == messages.text("en", "support.forum_url"));
    CHECK(messages.text("pt", "no.such.key") == "no.such.key");
    // Every language writes its own strings (these would show English if a key were missing).
    for (const auto& locale : messages.locales()) {
        if (locale == "en") continue;
        for (const std::string key : {"site.name", "search.title", "search.results", "contact.basic", "contact.sent",
                                      "error.not_found", "feedback.question", "feedback.thanks", "category.billing"}) {
            CAPTURE(locale, key);
            CHECK(messages.text(locale, key, {{"query", std::string("q")}, {"count", std::int64_t(2)}}) !=
                  messages.text("en", key, {{"query", std::string("q")}, {"count", std::int64_t(2)}}));
        }
    }
    CHECK(messages.locales() == std::vector<std::string>{"en", "es", "it", "pt", "zh-CN", "zh-TW"});
}

TEST_CASE("Pages: Accept-Language picks an offered locale, script-aware for Chinese", "[server][pages]") {
    const std::vector<std::string> offered{"en", "es", "it", "pt", "zh-CN", "zh-TW"};
    struct Case {
        std::string header, expected;
    };
    for (const auto& c : std::vector<Case>{{"pt-BR,pt;q=0.9,en;q=0.5", "pt"},
                                           {"fr-FR, fr;q=0.9, it;q=0.4", "it"},
                                           {"de;q=1, es-MX;q=0.8", "es"},
                                           {"en;q=0.2, zh-CN", "zh-CN"},
                                           {"zh-Hans", "zh-CN"},
                                           {"zh-HK", "zh-TW"},
                                           {"zh-Hant-TW", "zh-TW"},
                                           {"fr, de", "en"},
                                           {"", "en"},
                                           {"*;q=0.5, pt;q=0", "en"}}) {
        CAPTURE(c.header);
        CHECK(server::pages::negotiate_locale(c.header, offered, "en") == c.expected);
    }
}

TEST_CASE("Pages: / redirects to the negotiated locale, whose home lists articles by category",
          "[server][pages][integration]") {
    ServedPages hc;
    for (const auto& [header, location] : std::vector<std::pair<std::string, std::string>>{
             {"pt-BR,pt;q=0.9", "/pt/"}, {"zh-CN,zh;q=0.9", "/zh-CN/"}, {"zh-TW", "/zh-TW/"}, {"fr", "/en/"}}) {
        CAPTURE(header);
        auto response = hc.get("/", {{"Accept-Language", header}});
        CHECK(response.status == 302);
        CHECK(response.get_header_value("Location") == location);
    }
    CHECK(hc.get("/").get_header_value("Location") == "/en/");

    auto home = hc.get("/en/");
    CHECK(home.status == 200);
    CHECK(contains(home.body, "<meta name=\"viewport\""));
    CHECK(contains(home.body, "<html lang=\"en\">"));
    CHECK(contains(home.body, "Billing and plans"));
    CHECK(contains(home.body, "Account and sign-in"));
    CHECK(contains(home.body, "href=\"/en/articles/reset-password\""));
    CHECK_FALSE(contains(home.body, "single-sign-on"));  // advanced only

    auto pt = hc.get("/pt/");
    CHECK(contains(pt.body, "Cobrança e planos"));
    CHECK(contains(pt.body, "href=\"/pt/articles/reset-password\""));

    // zh-CN: Simplified UI strings over the zh-TW articles, linked under /zh-CN/.
    auto zh = hc.get("/zh-CN/");
    CHECK(zh.status == 200);
    CHECK(contains(zh.body, "账单与套餐"));
    CHECK(contains(zh.body, "href=\"/zh-CN/articles/reset-password\""));
    CHECK(hc.get("/zh-CN/articles/reset-password").status == 200);
}

TEST_CASE("Pages: search shows highlighted snippets and a plural count in the page's language",
          "[server][pages][integration]") {
    ServedPages hc;
    auto en = hc.get("/en/search?q=password");
    CHECK(en.status == 200);
    CHECK(contains(en.body, "<mark>"));
    CHECK(contains(en.body, "href=\"/en/articles/reset-password?sid="));  // the link records the click
    CHECK((contains(en.body, " results</p>") || contains(en.body, ">1 result</p>")));
    CHECK(contains(en.body, "value=\"password\""));

    auto pt = hc.get("/pt/search?q=esqueci%20minha%20senha");
    CHECK(pt.status == 200);
    CHECK(contains(pt.body, "<mark>"));
    CHECK(contains(pt.body, "href=\"/pt/articles/reset-password"));
    CHECK((contains(pt.body, " resultados</p>") || contains(pt.body, ">1 resultado</p>")));

    auto recorded = hc.events.events();
    REQUIRE(recorded.size() == 2);
    CHECK(recorded[1].source == "page");
    CHECK(recorded[1].query == "esqueci minha senha");

    auto typo = hc.get("/en/search?q=pasword");  // the typed word finds nothing: results for the correction
    CHECK(contains(typo.body, "class=\"corrected\""));

    auto empty = hc.get("/en/search?q=");
    CHECK(empty.status == 200);
}

/// The article links of a results page, in order ("/en/articles/x?sid=..&amp;rank=3#a" -> "x").
std::vector<std::string> result_ids(const std::string& body) {
    std::vector<std::string> ids;
    const std::string list = body.substr(body.find("<ol class=\"results\""));
    for (std::size_t at = list.find("/articles/"); at != std::string::npos && at < list.find("</ol>");
         at = list.find("/articles/", at + 1))
        ids.push_back(list.substr(at + 10, list.find('?', at) - at - 10));
    return ids;
}

TEST_CASE("Pages: results past the first ten are on page 2, reached through a labelled pager",
          "[server][pages][integration]") {
    ServedPages hc;
    auto first = hc.get("/en/search?q=account");
    REQUIRE(first.status == 200);
    const auto first_ids = result_ids(first.body);
    REQUIRE(first_ids.size() == 10);
    CHECK(contains(first.body, "<nav class=\"pages\" aria-label=\"Result pages\">"));
    CHECK(contains(first.body, "href=\"/en/search?q=account&amp;page=2\" rel=\"next\">Next</a>"));
    CHECK(contains(first.body, "aria-label=\"Page 1\" aria-current=\"page\">1</a>"));
    CHECK_FALSE(contains(first.body, "rel=\"prev\""));

    auto second = hc.get("/en/search?q=account&page=2");
    REQUIRE(second.status == 200);
    const auto second_ids = result_ids(second.body);
    REQUIRE_FALSE(second_ids.empty());
    for (const auto& id : second_ids) {
        CAPTURE(id);
        CHECK(std::find(first_ids.begin(), first_ids.end(), id) == first_ids.end());
    }
    CHECK(contains(second.body, "<ol class=\"results\" start=\"11\">"));
    CHECK(contains(second.body, "&amp;rank=11"));  // a click on page 2 is recorded at its real rank
    CHECK(contains(second.body, "href=\"/en/search?q=account&amp;page=1\" rel=\"prev\">Previous</a>"));
    CHECK(contains(second.body, "aria-label=\"Page 2\" aria-current=\"page\">2</a>"));
    CHECK(contains(second.body, "value=\"account\""));

    // The pager speaks the page's language; one page of results has none.
    auto pt = hc.get("/pt/search?q=conta&page=2");
    CHECK(contains(pt.body, "<nav class=\"pages\" aria-label=\"Páginas de resultados\">"));
    CHECK(contains(pt.body, "rel=\"prev\">Anterior</a>"));
    CHECK_FALSE(contains(hc.get("/en/search?q=cancel%20subscription").body, "class=\"pages\""));

    for (const std::string page : {"0", "-1", "2x", "101", ""}) {
        CAPTURE(page);
        auto bad = hc.get("/en/search?q=account&page=" + page);
        CHECK(bad.status == 400);
        CHECK(contains(bad.body, "Page numbers start at 1."));
    }
}

TEST_CASE("Pages: a language without UI strings has pages in the default locale's words",
          "[server][pages][integration]") {
    ServedPages hc;
    hc.dir.write("articles/de/account/reset-password.md",
                 "---\nid: reset-password\ntitle: Passwort zurücksetzen\ncategory: account\n---\n"
                 "Fordern Sie auf der Anmeldeseite einen Link an.\n");
    REQUIRE(hc.reindex().failed == 0);

    // A new locale folder is noticed within moments (SearchService's layout check).
    auto home = hc.get("/de/");
    for (int attempt = 0; attempt < 100 && home.status != 200; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        home = hc.get("/de/");
    }
    CHECK(home.status == 200);
    CHECK(contains(home.body, "href=\"/de/articles/reset-password\">Passwort zurücksetzen</a>"));
    CHECK(contains(home.body, "How can we help?"));  // locales/de/messages.yaml does not exist
    // The page's lang is the language of its words; the German titles and article say their own.
    CHECK(contains(home.body, "<html lang=\"en\">"));
    CHECK(contains(home.body, "<li lang=\"de\"><a href=\"/de/articles/reset-password\">"));

    auto article = hc.get("/de/articles/reset-password");
    CHECK(article.status == 200);
    CHECK(contains(article.body, "<html lang=\"en\">"));
    CHECK_FALSE(contains(article.body, "<html lang=\"de\">"));
    CHECK(contains(article.body, "<article lang=\"de\">"));
    CHECK(contains(article.body, "Was this article helpful?"));
    CHECK(contains(article.body, "href=\"/en/articles/reset-password\""));

    CHECK(hc.get("/de/search?q=anmeldeseite").status == 200);
    CHECK(contains(hc.get("/de/search?q=anmeldeseite").body, "href=\"/de/articles/reset-password?sid="));
    CHECK(contains(hc.get("/de/search?q=anmeldeseite").body, "<li lang=\"de\"><a href=\"/de/articles/"));
    // Languages with their own words keep their own lang; zh-CN words over zh-TW articles.
    CHECK(contains(hc.get("/pt/articles/reset-password").body, "<html lang=\"pt\">"));
    const auto chinese = hc.get("/zh-CN/articles/reset-password").body;
    CHECK(contains(chinese, "<html lang=\"zh-CN\">"));
    CHECK(contains(chinese, "<article lang=\"zh-TW\">"));
    // The other languages offer the German page, and a German browser is sent to it.
    CHECK(contains(hc.get("/en/articles/reset-password").body, "href=\"/de/articles/reset-password\" hreflang=\"de\""));
    CHECK(hc.get("/", {{"Accept-Language", "de-DE,de;q=0.9,en;q=0.5"}}).get_header_value("Location") == "/de/");
}

TEST_CASE("Pages: snippets mark the customer's words, not the stop words between them",
          "[server][pages][integration]") {
    ServedPages hc;
    struct Case {
        std::string path;
        std::vector<std::string> unmarked;
    };
    for (const auto& c :
         std::vector<Case>{{"/en/search?q=how%20to%20reset%20a%20forgotten%20password", {"how", "How", "to", "a", "A"}},
                           {"/pt/search?q=esqueci%20a%20senha%20na%20conta", {"a", "A", "na", "Na"}}}) {
        CAPTURE(c.path);
        auto page = hc.get(c.path);
        REQUIRE(page.status == 200);
        CHECK(contains(page.body, "<mark>"));
        for (const auto& word : c.unmarked) {
            CAPTURE(word);
            CHECK_FALSE(contains(page.body, "<mark>" + word + "</mark>"));
        }
    }
}

TEST_CASE("Pages: results only the correction found say so, and offer the words as typed",
          "[server][pages][integration][spelling]") {
    ServedPages hc;
    // Neither word is in the index; their corrections are ("zapier integration").
    auto corrected = hc.get("/en/search?q=zapeir%20integraton");
    REQUIRE(corrected.status == 200);
    CHECK(contains(corrected.body, "<p class=\"corrected\">Showing results for <strong><a href=\"/en/search?q=zapier"));
    CHECK(contains(
        corrected.body,
        "Search instead for <a href=\"/en/search?q=zapeir%20integraton&amp;correct=false\">zapeir integraton</a>"));
    CHECK_FALSE(contains(corrected.body, "class=\"did-you-mean\""));
    CHECK(contains(corrected.body, "href=\"/en/articles/integrations?sid="));
    CHECK(hc.events.events().back().results == 0);  // the content plan sees a search without results

    // "Search instead for": the typed words, without a correction.
    auto exact = hc.get("/en/search?q=zapeir%20integraton&correct=false");
    CHECK_FALSE(contains(exact.body, "class=\"corrected\""));
    CHECK_FALSE(contains(exact.body, "class=\"did-you-mean\""));
    CHECK(contains(exact.body, ">No results</p>"));
    CHECK(contains(exact.body, "href=\"/en/contact?subject=zapeir%20integraton\""));

    // A typo beside words that found results of their own: only "Did you mean".
    auto typo = hc.get("/en/search?q=pasword%20recovery%20link");
    CHECK(contains(typo.body,
                   "<p class=\"did-you-mean\">Did you mean: <a href=\"/en/search?q=password%20recovery%20link\">"));
    CHECK_FALSE(contains(typo.body, "class=\"corrected\""));

    auto pt = hc.get("/pt/search?q=zapeir%20integraton");
    CHECK(contains(pt.body, "Mostrando resultados para <strong>"));
    CHECK(contains(pt.body, "Pesquisar apenas por <a href=\"/pt/search?q=zapeir%20integraton&amp;correct=false\">"));
}

TEST_CASE("Pages: request text is escaped everywhere it is shown", "[server][pages][integration]") {
    ServedPages hc;
    for (const std::string path :
         {"/en/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27", "/pt/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "/en/contact?subject=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22"}) {
        CAPTURE(path);
        auto response = hc.get(path);
        CHECK(response.status == 200);
        CHECK_FALSE(contains(response.body, "<script"));
        CHECK(contains(response.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}

TEST_CASE("Pages: an article has section anchors, a contents list, translations and feedback forms",
          "[server][pages][integration]") {
    ServedPages hc;
    auto page = hc.get("/en/articles/reset-password");
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "<h1>Reset a forgotten password</h1>"));
    CHECK(contains(page.body, "<h2 id=\""));
    CHECK(contains(page.body, "<nav class=\"toc\">"));
    CHECK(contains(page.body, "<a href=\"#"));
    CHECK(contains(page.body, "href=\"/pt/articles/reset-password\""));
    CHECK(contains(page.body, "href=\"/zh-TW/articles/reset-password\""));
    CHECK(contains(page.body, "action=\"/en/articles/reset-password/feedback\""));
    CHECK(contains(page.body, "Was this article helpful?"));
    // Yes, No, then the comment box and its own button (which sends a No).
    const auto yes = page.body.find("name=\"vote\" value=\"yes\">Yes</button>");
    const auto no = page.body.find("name=\"vote\" value=\"no\">No</button>");
    const auto comment = page.body.find("<textarea id=\"comment\"");
    const auto send = page.body.find("name=\"vote\" value=\"no\">Send</button>");
    CHECK(yes != std::string::npos);
    CHECK(yes < no);
    CHECK(no < comment);
    CHECK(comment < send);
    CHECK(send != std::string::npos);

    auto pt = hc.get("/pt/articles/reset-password");
    CHECK(contains(pt.body, "Este artigo foi útil?"));
    CHECK(contains(pt.body, "href=\"/en/articles/reset-password\""));
}

TEST_CASE("Pages: a feedback form posts an event and returns to the article with thanks",
          "[server][pages][integration]") {
    ServedPages hc;
    auto yes = hc.post("/en/articles/reset-password/feedback", "vote=yes", cookie_for("standard"));
    CHECK(yes.status == 303);
    CHECK(yes.get_header_value("Location") == "/en/articles/reset-password?feedback=thanks#feedback");
    auto no = hc.post("/pt/articles/reset-password/feedback", "vote=no&comment=faltou+o+passo+do+SMS");
    CHECK(no.status == 303);

    auto recorded = hc.events.events();
    REQUIRE(recorded.size() == 2);
    CHECK(recorded[0].kind == events::EventKind::HELPFUL);
    CHECK(recorded[0].article_id == "reset-password");
    CHECK(recorded[0].tier == "standard");
    CHECK(recorded[1].kind == events::EventKind::NOT_HELPFUL);
    CHECK(recorded[1].locale == "pt");
    CHECK(recorded[1].comment == "faltou o passo do SMS");

    auto thanked = hc.get("/en/articles/reset-password?feedback=thanks");
    CHECK(contains(thanked.body, "Thank you for your feedback!"));
    CHECK_FALSE(contains(thanked.body, "action=\"/en/articles/reset-password/feedback\""));

    CHECK(hc.post("/en/articles/reset-password/feedback", "vote=maybe").status == 400);
    CHECK(hc.post("/en/articles/no-such-article/feedback", "vote=yes").status == 404);
    CHECK(hc.events.events().size() == 2);
}

/// The plans as a product would configure them (anticipa serve --config, `escalation:`).
void quillo_plans(server::ServerConfig& config) {
    config.escalation.clear();
    config.escalation["basic"].forum_url = "https://community.quillo.example/";
    config.escalation["standard"].contact_form = true;
    server::EscalationOptions& advanced = config.escalation["advanced"];
    advanced.contact_form = true;
    advanced.representative = "Dana Whitfield";
    advanced.phone = "+1 (555) 0100";
}

TEST_CASE("Pages: the contact step deflects first, then offers what the tier includes",
          "[server][pages][integration]") {
    ServedPages hc(quillo_plans);
    const std::string path = "/en/contact?subject=I%20forgot%20my%20password";

    auto basic = hc.get(path);
    CHECK(basic.status == 200);
    CHECK(contains(basic.body, "These articles may already answer your question"));
    CHECK(contains(basic.body, "href=\"/en/articles/reset-password"));
    CHECK(contains(basic.body, "Ask the community forum"));
    CHECK_FALSE(contains(basic.body, "method=\"post\""));
    CHECK(hc.events.events().back().source == "deflect");

    auto standard = hc.get(path, cookie_for("standard"));
    CHECK(contains(standard.body, "method=\"post\" action=\"/en/contact\""));
    CHECK_FALSE(contains(standard.body, "Urgent phone line"));

    auto advanced = hc.get(path, cookie_for("advanced"));
    CHECK(contains(advanced.body, "Your support representative: Dana Whitfield"));
    CHECK(contains(advanced.body, "href=\"tel:+15550100\""));
    CHECK(contains(advanced.body, "Urgent phone line: +1 (555) 0100"));
    // One promise per plan: the representative's 4 hours, not a business day as well.
    CHECK(contains(advanced.body, "within 4 hours"));
    CHECK(contains(advanced.body, "method=\"post\" action=\"/en/contact\""));
    CHECK_FALSE(contains(advanced.body, "business day"));
    CHECK(contains(standard.body, "within 1 business day"));

    // A bearer token works too; a token in the query string is ignored.
    const std::string token = server::sign_tier_token("advanced", SECRET, std::chrono::hours(1));
    CHECK(contains(hc.get(path, {{"Authorization", "Bearer " + token}}).body, "Urgent phone line:"));
    CHECK_FALSE(contains(hc.get(path + "&anticipa_token=" + token + "&token=" + token).body, "Urgent phone line:"));
    CHECK_FALSE(contains(hc.get(path, {{"Cookie", "anticipa_token=forged.token.value"}}).body, "Urgent phone line:"));

    auto sent =
        hc.post("/en/contact", "subject=password&email=a%40b.example&message=still+locked+out", cookie_for("standard"));
    // Redirect after POST: reloading the confirmation asks for it again, it does not send again.
    CHECK(sent.status == 303);
    REQUIRE(sent.get_header_value("Location") == "/en/contact?sent=1");
    for (int reload = 0; reload < 2; ++reload)
        CHECK(
            contains(hc.get(sent.get_header_value("Location"), cookie_for("standard")).body, "Your message was sent."));
    auto escalation = hc.events.events().back();
    CHECK(escalation.kind == events::EventKind::ESCALATE);
    CHECK(escalation.channel == "contact_form");
    CHECK(escalation.tier == "standard");
    // The message itself went to the outbox for the ticketing system, one JSON line.
    std::ifstream outbox(hc.config.contact_outbox);
    std::string line;
    REQUIRE(std::getline(outbox, line));
    std::string second;
    CHECK_FALSE(std::getline(outbox, second));  // one ticket
    auto ticket = nlohmann::json::parse(line);
    CHECK(ticket["message"] == "still locked out");
    CHECK(ticket["email"] == "a@b.example");
    CHECK(ticket["tier"] == "standard");

    const auto before = hc.events.events().size();
    CHECK(hc.post("/en/contact", "subject=x&email=a%40b.example&message=hi").status == 403);
    CHECK(hc.events.events().size() == before);

    auto pt = hc.get("/pt/contact?subject=senha");
    CHECK(contains(pt.body, "fórum da comunidade"));
}

TEST_CASE("Pages: hidden articles, unknown locales and path tricks are a 404 HTML page",
          "[server][pages][integration]") {
    ServedPages hc;
    CHECK(hc.get("/en/articles/single-sign-on").status == 404);
    CHECK(hc.get("/en/articles/single-sign-on", cookie_for("standard")).status == 404);
    CHECK(hc.get("/en/articles/single-sign-on", cookie_for("advanced")).status == 200);
    for (const std::string path :
         {"/en/articles/../../etc/passwd", "/en/articles/%2e%2e/%2e%2e/etc/passwd",
          "/en/articles/..%2F..%2Fanticipa.yaml", "/en/articles/reset-password%00", "/en/articles/no-such-article",
          "/fr/", "/xx/articles/reset-password", "/de/search?q=passwort"}) {
        CAPTURE(path);
        auto response = hc.get(path);
        CHECK(response.status == 404);
        CHECK(contains(response.body, "<!DOCTYPE html>"));
        CHECK_FALSE(contains(response.body, "root:"));
    }
    CHECK(contains(hc.get("/pt/articles/nada").body, "Página não encontrada"));
    CHECK(hc.get("/pt").status == 301);
}
