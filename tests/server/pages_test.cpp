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

    auto typo = hc.get("/en/search?q=pasword");
    CHECK(contains(typo.body, "class=\"did-you-mean\""));

    auto empty = hc.get("/en/search?q=");
    CHECK(empty.status == 200);
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

    // A bearer token works too; a token in the query string is ignored.
    const std::string token = server::sign_tier_token("advanced", SECRET, std::chrono::hours(1));
    CHECK(contains(hc.get(path, {{"Authorization", "Bearer " + token}}).body, "Urgent phone line:"));
    CHECK_FALSE(contains(hc.get(path + "&anticipa_token=" + token + "&token=" + token).body, "Urgent phone line:"));
    CHECK_FALSE(contains(hc.get(path, {{"Cookie", "anticipa_token=forged.token.value"}}).body, "Urgent phone line:"));

    auto sent =
        hc.post("/en/contact", "subject=password&email=a%40b.example&message=still+locked+out", cookie_for("standard"));
    CHECK(sent.status == 200);
    CHECK(contains(sent.body, "Your message was sent."));
    auto escalation = hc.events.events().back();
    CHECK(escalation.kind == events::EventKind::ESCALATE);
    CHECK(escalation.channel == "contact_form");
    CHECK(escalation.tier == "standard");
    // The message itself went to the outbox for the ticketing system, one JSON line.
    std::ifstream outbox(hc.config.contact_outbox);
    std::string line;
    REQUIRE(std::getline(outbox, line));
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
