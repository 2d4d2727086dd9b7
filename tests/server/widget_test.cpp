// Server: the widget's routes (context, deflect, articles, openapi.json, widget.js/.css) on a
// real HelpCenterServer over a real index, driven over HTTP on an ephemeral loopback port.
#include "help_center_server.h"
#include "index/indexer.h"
#include "support/served_help_center.h"
#include "tier_token.h"

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <thread>

using namespace anticipa;
using nlohmann::json;

namespace {

const std::string SECRET = "widget-test-secret";

/// The sample help center, served (see support/served_help_center.h), with JSON helpers.
struct WidgetServer : test::ServedHelpCenter {
    WidgetServer() : test::ServedHelpCenter({.tier_secret = SECRET}) {}

    json get_json(const std::string& path, int expected_status = 200, const httplib::Headers& headers = {}) const {
        auto result = client().Get(path.c_str(), headers);
        REQUIRE(result);
        CAPTURE(path, result->body);
        CHECK(result->status == expected_status);
        CHECK(result->get_header_value("Content-Type") == "application/json; charset=utf-8");
        return json::parse(result->body);
    }
    json post_json(const std::string& path, const std::string& body, int expected_status = 200) const {
        auto result = client().Post(path.c_str(), body, "application/json");
        REQUIRE(result);
        CAPTURE(path, body.substr(0, 80), result->body);
        CHECK(result->status == expected_status);
        return json::parse(result->body);
    }
};

std::vector<std::string> ids_of(const json& articles) {
    std::vector<std::string> out;
    for (const auto& article : articles) out.push_back(article["id"]);
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

httplib::Headers bearer(const std::string& tier) {
    return {{"Authorization", "Bearer " + server::sign_tier_token(tier, SECRET, std::chrono::hours(1),
                                                                  std::chrono::system_clock::now())}};
}

}  // namespace

TEST_CASE("Widget: context lists the articles offered on a route and its parents", "[server][widget][integration]") {
    WidgetServer hc;
    auto body = hc.get_json("/api/v1/context?route=/settings/security&locale=pt");
    auto ids = ids_of(body["articles"]);
    CHECK(contains(ids, "two-factor"));
    CHECK(contains(ids, "reset-password"));
    CHECK(ids.size() <= 5);
    for (const auto& article : body["articles"]) {
        CHECK(article["locale"] == "pt");
        CHECK(article["link"] == "/pt/articles/" + article["id"].get<std::string>());
        CHECK_FALSE(article["title"].get<std::string>().empty());
    }
    SECTION("a page below a route gets the route's articles") {
        auto child = ids_of(hc.get_json("/api/v1/context?route=/settings/security/sessions&locale=en")["articles"]);
        CHECK(contains(child, "two-factor"));
    }
    SECTION("a route nothing is offered on gets an empty list") {
        CHECK(hc.get_json("/api/v1/context?route=/nowhere&locale=en")["articles"].empty());
    }
}

TEST_CASE("Widget: context hides articles the caller's tier may not see", "[server][widget][integration]") {
    WidgetServer hc;
    const std::string path = "/api/v1/context?route=/settings/security/sso&locale=en";
    auto basic = ids_of(hc.get_json(path)["articles"]);
    auto basic_token = ids_of(hc.get_json(path, 200, bearer("basic"))["articles"]);
    auto advanced = ids_of(hc.get_json(path, 200, bearer("advanced"))["articles"]);
    CHECK(contains(advanced, "single-sign-on"));
    CHECK_FALSE(contains(basic, "single-sign-on"));
    CHECK_FALSE(contains(basic_token, "single-sign-on"));
    CHECK(contains(basic, "two-factor"));  // the parent route's articles remain
}

TEST_CASE("Widget: context refuses bad input with an error naming the field", "[server][widget][integration]") {
    WidgetServer hc;
    struct Case {
        std::string path, field;
    };
    for (const auto& c : std::vector<Case>{{"/api/v1/context?locale=pt", "route"},
                                           {"/api/v1/context?route=settings", "route"},
                                           {"/api/v1/context?route=/" + std::string(250, 'a'), "route"},
                                           {"/api/v1/context?route=/login&locale=../etc", "locale"},
                                           {"/api/v1/context?route=/%C3%28", "UTF-8"},
                                           // what the other routes' check refused and this one let through
                                           {"/api/v1/context?route=/a%01b", "route must not contain control"},
                                           {"/api/v1/context?route=/a%0Ab", "route must not contain control"}}) {
        CAPTURE(c.path.substr(0, 60));
        auto body = hc.get_json(c.path, 400);
        CHECK(body["error"]["code"] == "invalid_request");
        CHECK(body["error"]["message"].get<std::string>().find(c.field) != std::string::npos);
    }
}

TEST_CASE("Widget: deflect finds the article that answers a ticket and records the search",
          "[server][widget][integration]") {
    WidgetServer hc;
    struct Case {
        std::string locale, subject, body, expected;
    };
    for (const auto& c : std::vector<Case>{
             {"pt", "Não recebo o e-mail para trocar a senha",
              "Olá, esqueci minha senha e pedi o link de redefinição três vezes, mas o e-mail nunca chega. Já olhei "
              "na caixa de spam. Podem ajudar? Obrigada, Ana",
              "reset-password"},
             {"en", "Where do I download our invoices?",
              "Hi, our finance team needs the PDF invoices for the last twelve months for the yearly audit. Can "
              "we also get the company's VAT number printed on them? Thanks, Mark",
              "invoices"}}) {
        CAPTURE(c.locale, c.subject);
        const std::size_t before = hc.events.events().size();
        auto body = hc.post_json("/api/v1/deflect",
                                 json{{"subject", c.subject}, {"body", c.body}, {"locale", c.locale}}.dump());
        REQUIRE_FALSE(body["articles"].empty());
        CHECK(body["articles"][0]["id"] == c.expected);
        CHECK(body["articles"][0]["locale"] == c.locale);
        double previous = 1.0;
        for (const auto& article : body["articles"]) {
            const double confidence = article["confidence"];
            CHECK(confidence >= 0.0);
            CHECK(confidence <= 1.0);
            CHECK(confidence <= previous);
            previous = confidence;
        }
        CHECK(body["articles"][0]["confidence"].get<double>() > 0.5);
        auto recorded = hc.events.events();
        REQUIRE(recorded.size() == before + 1);
        CHECK(recorded.back().kind == events::EventKind::SEARCH);
        CHECK(recorded.back().source == "deflect");
        CHECK(recorded.back().search_id == body["search_id"]);
        CHECK(recorded.back().search_id.size() == 32);
        CHECK(recorded.back().locale == c.locale);
        CHECK(recorded.back().shown.front() == c.expected);
    }
    SECTION("a body alone is enough") {
        auto body = hc.post_json("/api/v1/deflect", json{{"body", "I forgot my password"}, {"locale", "en"}}.dump());
        REQUIRE_FALSE(body["articles"].empty());
        CHECK(body["articles"][0]["id"] == "reset-password");
    }
}

TEST_CASE("Widget: deflect refuses bad tickets with an error naming the field", "[server][widget][integration]") {
    WidgetServer hc;
    struct Case {
        std::string body, field;
    };
    for (const auto& c : std::vector<Case>{{"not json", "JSON object"},
                                           {"[1, 2]", "JSON object"},
                                           {json{{"locale", "en"}}.dump(), "subject or body"},
                                           {json{{"subject", "  "}, {"body", ""}}.dump(), "subject or body"},
                                           {json{{"subject", 42}}.dump(), "subject"},
                                           {json{{"subject", std::string(4001, 'a')}}.dump(), "subject"},
                                           {json{{"subject", "x"}, {"body", std::string(4001, 'b')}}.dump(), "body"},
                                           {"{\"subject\": \"\xC3\x28\"}", "UTF-8"},
                                           {json{{"subject", "password"}, {"locale", "xx-!!"}}.dump(), "locale"},
                                           {json{{"subject", "password"}, {"route", "settings"}}.dump(), "route"},
                                           {json{{"subject", "password"}, {"route", 7}}.dump(), "route"},
                                           {json{{"subject", "password"}, {"route", "/a\tb"}}.dump(), "route"}}) {
        CAPTURE(c.body.substr(0, 60));
        auto body = hc.post_json("/api/v1/deflect", c.body, 400);
        CHECK(body["error"]["code"] == "invalid_request");
        CHECK(body["error"]["message"].get<std::string>().find(c.field) != std::string::npos);
    }
    CHECK(hc.events.events().empty());
}

TEST_CASE("Widget: the articles API returns an article for the caller's tier, else 404",
          "[server][widget][integration]") {
    WidgetServer hc;
    auto article = hc.get_json("/api/v1/articles/pt/reset-password");
    CHECK(article["id"] == "reset-password");
    CHECK(article["title"] == "Redefinir uma senha esquecida");
    REQUIRE_FALSE(article["sections"].empty());
    bool has_anchor = false;
    for (const auto& section : article["sections"]) {
        CHECK(section.contains("heading"));
        CHECK(section.contains("html"));
        if (section["anchor"] == "reset-link") has_anchor = true;
    }
    CHECK(has_anchor);
    CHECK(contains(article["translations"].get<std::vector<std::string>>(), "en"));

    CHECK(hc.get_json("/api/v1/articles/en/no-such-article", 404)["error"]["code"] == "not_found");
    CHECK(hc.get_json("/api/v1/articles/en/single-sign-on", 404)["error"]["code"] == "not_found");
    CHECK(hc.get_json("/api/v1/articles/en/single-sign-on", 200, bearer("advanced"))["id"] == "single-sign-on");

    for (const std::string path :
         {"/api/v1/articles/en/../../etc/passwd", "/api/v1/articles/en/%2e%2e/secret", "/api/v1/articles/en/a..b",
          "/api/v1/articles/en/bad%20id", "/api/v1/articles/en/x%00y"}) {
        CAPTURE(path);
        auto result = hc.client().Get(path.c_str());
        REQUIRE(result);
        CHECK(result->status == 400);
        CHECK(json::parse(result->body)["error"]["message"].get<std::string>().find("id") != std::string::npos);
    }
    CHECK(hc.get_json("/api/v1/articles/english!/reset-password", 400)["error"]["message"].get<std::string>().find(
              "locale") != std::string::npos);
}

TEST_CASE("Widget: openapi.json is an OpenAPI 3.0 document of every /api/v1 route", "[server][widget][integration]") {
    WidgetServer hc;
    auto doc = hc.get_json("/api/v1/openapi.json");
    CHECK(doc["openapi"].get<std::string>().starts_with("3.0"));
    const std::vector<std::pair<std::string, std::string>> routes{
        {"/api/v1/search", "get"},       {"/api/v1/suggest", "get"},    {"/api/v1/events", "post"},
        {"/api/v1/context", "get"},      {"/api/v1/deflect", "post"},   {"/api/v1/articles/{locale}/{id}", "get"},
        {"/api/v1/openapi.json", "get"}, {"/api/v1/widget/text", "get"}};
    for (const auto& [path, method] : routes) {
        CAPTURE(path);
        REQUIRE(doc["paths"].contains(path));
        CHECK(doc["paths"][path].contains(method));
    }
    CHECK(doc["paths"].size() == routes.size());
    CHECK(doc["components"]["securitySchemes"]["bearerAuth"]["bearerFormat"] == "JWT");
    CHECK(doc["components"]["schemas"]["Error"]["properties"]["error"]["required"] == json{"code", "message"});
    // Every documented route is served (a GET without parameters gets 200 or 400, never 404).
    for (const std::string path : {"/api/v1/search", "/api/v1/suggest", "/api/v1/context"}) {
        auto result = hc.client().Get(path.c_str());
        REQUIRE(result);
        CHECK(result->status == 400);
    }
    auto deflect = hc.client().Post("/api/v1/deflect", "{}", "application/json");
    REQUIRE(deflect);
    CHECK(deflect->status == 400);
}

TEST_CASE("Widget: openapi.json documents exactly the route table's /api/v1 routes", "[server][widget][integration]") {
    WidgetServer hc;
    std::set<std::pair<std::string, std::string>> table, documented;
    for (const auto& [method, pattern] : hc.server().routes()) {
        // The CORS preflight answers OPTIONS on every API path; it is not an API route of its own.
        if (!pattern.starts_with("/api/v1/") || method == "OPTIONS") continue;
        std::string lower = method;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        table.emplace(pattern, lower);
    }
    const json doc = hc.get_json("/api/v1/openapi.json");
    for (const auto& [path, operations] : doc["paths"].items())
        for (const auto& [method, operation] : operations.items()) documented.emplace(path, method);
    CHECK(documented == table);
    CHECK(table.size() >= 7);
}

TEST_CASE("Widget: its words are the locale's messages.yaml, the default locale's for a language without one",
          "[server][widget][integration]") {
    WidgetServer hc;
    struct Case {
        std::string locale, lang, button, none, search_page;
    };
    for (const auto& c : std::vector<Case>{
             {"en", "en", "Help", "No articles match your search. Try other words.", "/en/search"},
             {"zh-CN", "zh-CN", "帮助", "没有找到匹配的文章。请换个说法再试。", "/zh-CN/search"},  // Simplified
             {"zh-TW", "zh-TW", "說明", "找不到符合的文章。請換個說法再試一次。", "/zh-TW/search"},
             {"pt-BR", "pt", "Ajuda", "Nenhum artigo corresponde à sua pesquisa. Tente outras palavras.", "/pt/search"},
             {"de", "en", "Help", "No articles match your search. Try other words.", "/en/search"},  // no locales/de/
         }) {
        CAPTURE(c.locale);
        const json body = hc.get_json("/api/v1/widget/text?locale=" + c.locale);
        CHECK(body["locale"] == c.locale);
        CHECK(body["lang"] == c.lang);
        CHECK(body["text"]["button"] == c.button);
        CHECK(body["text"]["none"] == c.none);
        CHECK(body["search_page"] == c.search_page);
        for (const auto& [name, text] : body["text"].items()) {
            CAPTURE(name);
            CHECK_FALSE(text.get<std::string>().empty());
            // A key missing from every messages.yaml would show as itself ("widget.none").
            CHECK_FALSE(text.get<std::string>().starts_with("widget."));
        }
    }
    // The fallback notice names the default locale's language in the customer's words.
    CHECK(hc.get_json("/api/v1/widget/text?locale=pt")["text"]["fallback"] ==
          "Não encontramos nada no seu idioma, então estes artigos estão em inglês.");
    CHECK(hc.get_json("/api/v1/widget/text")["locale"] == "en");  // no locale: the default one

    auto cached = hc.client().Get("/api/v1/widget/text?locale=pt");
    REQUIRE(cached);
    CHECK(cached->get_header_value("Cache-Control") == "private, max-age=3600");
    CHECK(cached->get_header_value("Vary") == "Authorization");
    CHECK(hc.get_json("/api/v1/widget/text?locale=english!", 400)["error"]["message"].get<std::string>().find(
              "locale") != std::string::npos);
}

TEST_CASE("Widget: the contact step is the token's tier's, never the URL's", "[server][widget][integration]") {
    WidgetServer hc;
    const auto step = [&](const httplib::Headers& headers, const std::string& query = "") {
        return hc.get_json("/api/v1/widget/text?locale=en" + query, 200, headers)["contact"];
    };
    const std::string basic_text = "Your plan includes self-service support";
    const std::string advanced_text = "Your workspace has a named support representative";
    for (const auto& headers : {httplib::Headers{}, bearer("basic")}) {
        for (const std::string query : {"", "&tier=advanced"}) {
            CAPTURE(query);
            const json basic = step(headers, query);
            CHECK(basic["heading"] == "Still need help?");
            CHECK(basic["text"].get<std::string>().starts_with(basic_text));
            CHECK_FALSE(basic.contains("form"));
            CHECK_FALSE(basic.contains("representative"));
            CHECK_FALSE(basic.contains("phone"));
        }
    }
    const json standard = step(bearer("standard"));
    CHECK(standard["text"] == "Send us a message and we will reply by e-mail within 1 business day.");
    CHECK(standard["form"] == json{{"label", "Contact support"}, {"link", "/en/contact"}});
    CHECK_FALSE(standard.contains("representative"));

    const json advanced = step(bearer("advanced"));
    CHECK(advanced["text"].get<std::string>().starts_with(advanced_text));
    CHECK(advanced["representative"] == "Your support representative: your account's support representative");
    CHECK(advanced["form"]["link"] == "/en/contact");
    // A token that does not verify is the basic tier.
    CHECK(step({{"Authorization", "Bearer not.a.token"}})["text"].get<std::string>().starts_with(basic_text));
}

TEST_CASE("Widget: the contact step offers the phone line and forum a plan has, in the customer's words",
          "[server][widget][integration]") {
    test::ServedHelpCenter hc({.tier_secret = SECRET, .adjust = [](server::ServerConfig& config) {
                                   config.escalation["advanced"].phone = "+1 (555) 0100";
                                   config.escalation["basic"].forum_url = "https://forum.quillo.example/";
                               }});
    auto contact = [&](const std::string& tier) {
        auto result = hc.client().Get("/api/v1/widget/text?locale=pt", bearer(tier));
        REQUIRE(result);
        REQUIRE(result->status == 200);
        return json::parse(result->body)["contact"];
    };
    const json advanced = contact("advanced");
    CHECK(advanced["phone"] == json{{"label", "Telefone para urgências: +1 (555) 0100"}, {"link", "tel:+15550100"}});
    CHECK(advanced["form"]["link"] == "/pt/contact");
    const json basic = contact("basic");
    CHECK(basic["forum"]["link"] == "https://forum.quillo.example/");
    CHECK_FALSE(basic.contains("phone"));
    CHECK_FALSE(basic.contains("form"));
}

TEST_CASE("Widget: widget.js and widget.css are served from the binary, typed and cacheable",
          "[server][widget][integration]") {
    WidgetServer hc;
    struct Case {
        std::string path, type, marker;
    };
    for (const auto& c : std::vector<Case>{{"/widget.js", "text/javascript; charset=utf-8", "/api/v1/context"},
                                           {"/widget.css", "text/css; charset=utf-8", ".anticipa-widget"}}) {
        CAPTURE(c.path);
        auto result = hc.client().Get(c.path.c_str());
        REQUIRE(result);
        CHECK(result->status == 200);
        CHECK(result->get_header_value("Content-Type") == c.type);
        CHECK(result->get_header_value("Cache-Control").find("max-age=") != std::string::npos);
        CHECK(result->body.find(c.marker) != std::string::npos);
        // Every page of a product loads it: small, though the dead ends' notices and contact step
        // took it past 8 KiB.
        CHECK(result->body.size() < 12 * 1024);
        const std::string etag = result->get_header_value("ETag");
        REQUIRE_FALSE(etag.empty());
        auto again = hc.client().Get(c.path.c_str(), {{"If-None-Match", etag}});
        REQUIRE(again);
        CHECK(again->status == 304);
    }
    auto script = hc.client().Get("/widget.js");
    REQUIRE(script);
    CHECK(script->body.find("Authorization") != std::string::npos);
    CHECK(script->body.find("Escape") != std::string::npos);
}
