// Gaps stage, alone: events folded into interactions and classified, and queries grouped into
// the questions behind them with the real analyzers of locales/.
#include "gaps/interaction.h"
#include "gaps/question_grouping.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using namespace anticipa;
using gaps::GapKind;
using gaps::Outcome;

namespace {

using std::chrono::minutes;

const auto NOON = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2} + std::chrono::hours(12);

events::Event search(const std::string& id, const std::string& query, std::size_t results, minutes at) {
    events::Event event;
    event.kind = events::EventKind::SEARCH;
    event.search_id = id;
    event.source = "search";
    event.locale = "en";
    event.tier = "basic";
    event.query = query;
    event.results = results;
    for (std::size_t i = 0; i < results && i < 3; ++i) event.shown.push_back("article-" + std::to_string(i + 1));
    event.at = NOON + at;
    return event;
}

events::Event keystroke(const std::string& id, const std::string& session, const std::string& query, minutes at) {
    events::Event event = search(id, query, 3, at);
    event.source = "suggest";
    event.session_id = session;
    return event;
}

events::Event follow(events::EventKind kind, const std::string& id, minutes at,
                     const std::string& article = "article-1") {
    events::Event event;
    event.kind = kind;
    event.search_id = id;
    event.article_id = article;
    event.at = NOON + at;
    return event;
}

/// Judged two hours after noon: a search at noon is past its 30-minute window.
gaps::FoldOptions judged_at(minutes after_noon) {
    gaps::FoldOptions options;
    options.now = NOON + after_noon;
    return options;
}

}  // namespace

TEST_CASE("Interactions: each outcome and why it failed", "[gaps][unit]") {
    using Kind = events::EventKind;
    struct Case {
        const char* name;
        std::vector<events::Event> events;
        Outcome outcome;
        GapKind gap;
    };
    auto answered_in_default_locale = [] {
        events::Event event = search("s", "boleto", 2, minutes(0));
        event.locale = "it";
        event.fallback = true;
        return event;
    };
    auto no_results = [](std::size_t other_locales, std::size_t any_tier) {
        events::Event event = search("s", "sso setup", 0, minutes(0));
        event.matches_other_locales = other_locales;
        event.matches_any_tier = any_tier;
        return event;
    };
    const std::vector<Case> cases{
        {"nothing matched anywhere", {no_results(0, 0)}, Outcome::NO_RESULTS, GapKind::WRITING},
        {"matched only in another locale", {no_results(4, 0)}, Outcome::NO_RESULTS, GapKind::TRANSLATION},
        {"matched only above the tier", {no_results(0, 2)}, Outcome::NO_RESULTS, GapKind::ENTITLEMENT},
        {"above the tier wins over another locale", {no_results(4, 2)}, Outcome::NO_RESULTS, GapKind::ENTITLEMENT},
        {"no results, then an escalation",
         {no_results(0, 0), follow(Kind::ESCALATE, "s", minutes(2))},
         Outcome::NO_RESULTS,
         GapKind::WRITING},
        {"opened",
         {search("s", "export", 3, minutes(0)), follow(Kind::CLICK, "s", minutes(1))},
         Outcome::RESOLVED,
         GapKind::NONE},
        {"opened and voted helpful",
         {search("s", "export", 3, minutes(0)), follow(Kind::CLICK, "s", minutes(1)),
          follow(Kind::HELPFUL, "s", minutes(2))},
         Outcome::RESOLVED,
         GapKind::NONE},
        {"opened, voted not helpful",
         {search("s", "export", 3, minutes(0)), follow(Kind::CLICK, "s", minutes(1)),
          follow(Kind::NOT_HELPFUL, "s", minutes(2))},
         Outcome::NOT_HELPFUL,
         GapKind::NONE},
        {"opened, then contacted support",
         {search("s", "export", 3, minutes(0)), follow(Kind::CLICK, "s", minutes(1)),
          follow(Kind::ESCALATE, "s", minutes(5))},
         Outcome::ESCALATED,
         GapKind::NONE},
        {"shown, nothing opened, window over",
         {search("s", "export", 3, minutes(0))},
         Outcome::NO_CLICK,
         GapKind::NONE},
        {"shown, nothing opened yet", {search("s", "export", 3, minutes(110))}, Outcome::PENDING, GapKind::NONE},
        {"answered from the default locale and opened",
         {answered_in_default_locale(), follow(Kind::CLICK, "s", minutes(1))},
         Outcome::RESOLVED,
         GapKind::TRANSLATION},
        {"answered from the default locale, nothing opened",
         {answered_in_default_locale()},
         Outcome::NO_CLICK,
         GapKind::TRANSLATION},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        auto interactions = gaps::fold_interactions(c.events, judged_at(minutes(120)));
        REQUIRE(interactions.size() == 1);
        CHECK(gaps::to_string(interactions[0].outcome) == std::string(gaps::to_string(c.outcome)));
        CHECK(gaps::to_string(interactions[0].gap) == std::string(gaps::to_string(c.gap)));
        CHECK(gaps::is_unresolved(interactions[0].outcome) ==
              (c.outcome != Outcome::RESOLVED && c.outcome != Outcome::PENDING));
    }
}

TEST_CASE("Interactions: the keystrokes of one session count once, as the last query", "[gaps][unit]") {
    using Kind = events::EventKind;
    std::vector<events::Event> log;
    const char* typed[] = {"r", "re", "res", "reset", "reset pa", "reset password"};
    int second = 0;
    for (const char* text : typed) {
        log.push_back(keystroke("k" + std::to_string(second), "session-1", text, minutes(0)));
        log.back().at += std::chrono::seconds(++second);
    }
    log.push_back(keystroke("other", "session-2", "invoice", minutes(1)));
    // The widget's click names the keystroke whose suggestions were on screen, not the last one.
    log.push_back(follow(Kind::CLICK, "k3", minutes(1)));

    auto interactions = gaps::fold_interactions(log, judged_at(minutes(120)));
    REQUIRE(interactions.size() == 2);
    CHECK(interactions[0].query == "reset password");
    CHECK(interactions[0].session_id == "session-1");
    CHECK(interactions[0].outcome == Outcome::RESOLVED);
    CHECK(interactions[0].clicked == std::vector<std::string>{"article-1"});
    CHECK(interactions[1].query == "invoice");
    CHECK(interactions[1].outcome == Outcome::NO_CLICK);
}

TEST_CASE("Interactions: a keystroke after the session's click is a new search", "[gaps][unit]") {
    using Kind = events::EventKind;
    auto interactions =
        gaps::fold_interactions({keystroke("a", "s1", "invoice", minutes(0)), follow(Kind::CLICK, "a", minutes(1)),
                                 keystroke("b", "s1", "refund", minutes(2))},
                                judged_at(minutes(120)));
    REQUIRE(interactions.size() == 2);
    CHECK(interactions[0].outcome == Outcome::RESOLVED);
    CHECK(interactions[1].query == "refund");
    CHECK(interactions[1].outcome == Outcome::NO_CLICK);
}

TEST_CASE("Interactions: searches without a session, and follow-ups of unknown searches", "[gaps][unit]") {
    using Kind = events::EventKind;
    // Two full searches of the same words are two customers (or one asking twice): both count.
    auto interactions = gaps::fold_interactions(
        {search("a", "refund", 2, minutes(0)), search("b", "refund", 2, minutes(1)),
         follow(Kind::CLICK, "before-the-period", minutes(2)), follow(Kind::ESCALATE, "", minutes(3)),
         follow(Kind::NOT_HELPFUL, "b", minutes(4), "refunds")},
        judged_at(minutes(120)));
    REQUIRE(interactions.size() == 2);
    CHECK(interactions[0].outcome == Outcome::NO_CLICK);
    CHECK(interactions[1].outcome == Outcome::NOT_HELPFUL);
    CHECK(interactions[1].not_helpful == std::vector<std::string>{"refunds"});
}

TEST_CASE("Interactions: the folder streams and starts empty again after finish", "[gaps][unit]") {
    gaps::InteractionFolder folder(judged_at(minutes(120)));
    folder.add(search("a", "refund", 0, minutes(0)));
    CHECK(folder.finish().size() == 1);
    folder.add(events::Event(follow(events::EventKind::CLICK, "a", minutes(1))));
    CHECK(folder.finish().empty());
}

namespace {

analysis::AnalyzerSet& real_analyzers() {
    static analysis::AnalyzerSet analyzers(test::source_dir() / "locales");
    return analyzers;
}

std::string key(const std::string& locale, const std::string& query) {
    return gaps::question_key(real_analyzers(), locale, query).key;
}

/// The group each query lands in when all of them are merged together, one search each.
std::vector<std::string> merged(const std::vector<std::pair<std::string, std::string>>& queries) {
    std::vector<gaps::KeyVolume> volumes;
    std::vector<std::string> own;
    for (const auto& [locale, query] : queries) {
        volumes.push_back({gaps::question_key(real_analyzers(), locale, query), 1});
        own.push_back(volumes.back().question.key);
    }
    auto into = gaps::merge_similar_keys(volumes);
    std::vector<std::string> groups;
    for (const std::string& k : own) groups.push_back(into.at(k));
    return groups;
}

}  // namespace

TEST_CASE("Question keys: inflections, stop words and synonyms give one key", "[gaps][unit][en]") {
    const std::string reset = key("en", "reset password");
    CHECK(reset == "en:password reset");
    for (const char* query : {"Resetting passwords", "reset my password", "how do I reset the password?",
                              "recover password", "  RESET   PASSWORD  "}) {
        CAPTURE(query);
        CHECK(key("en", query) == reset);
    }
    CHECK(key("en", "passcode") == key("en", "password"));
    CHECK(key("en", "forgot my password") == key("en", "lost password"));  // a synonym phrase around a stop word
    CHECK(key("en", "how do I sign in") == key("en", "login"));            // a phrase holding a stop word
    CHECK(key("en", "cancel subscription") != reset);
    CHECK(key("en", "how do I") != "en:");  // only stop words: still a question of its own
    CHECK(key("en", "???") != "en:");
}

TEST_CASE("Question keys: accents and Chinese scripts fold like the index folds them", "[gaps][unit][pt][zh]") {
    CHECK(key("pt", "redefinição de senha") == key("pt", "redefinicao de senha"));
    CHECK(key("pt", "configuração da conta") == key("pt", "configuracao da conta"));
    CHECK(key("pt-BR", "redefinir senha") == key("pt", "redefinir senha"));  // the language, not the region
    CHECK(key("es", "contraseña olvidada") == key("es", "contrasena olvidada"));
    CHECK(key("zh-TW", "如何重設密碼") == key("zh-CN", "如何重设密码"));
    CHECK(key("zh-TW", "忘記密碼") == key("zh-CN", "忘记密码"));
    CHECK(key("zh-TW", "如何重設密碼").starts_with("zh:"));
    CHECK(key("zh-CN", "删除账号") != key("zh-CN", "重设密码"));
}

TEST_CASE("Question grouping: typos merge into the larger group, other questions stay apart", "[gaps][unit][en]") {
    auto groups = merged({{"en", "reset password"},
                          {"en", "reset password"},
                          {"en", "resetting passwords"},
                          {"en", "resset pasword"},
                          {"en", "passowrd reset"},
                          {"en", "change password"},
                          {"en", "cancel subscription"},
                          {"en", "cancle subscription"},
                          {"pt", "redefinir senha"},
                          {"pt", "redifinir senha"},
                          {"pt", "redefinição de senha"}});
    const std::string reset = key("en", "reset password");
    CHECK(groups[0] == reset);
    CHECK(groups[2] == reset);
    CHECK(groups[3] == reset);
    CHECK(groups[4] == reset);
    CHECK(groups[5] != reset);
    CHECK(groups[6] == groups[7]);
    CHECK(groups[6] != reset);
    CHECK(groups[8] == groups[9]);
    CHECK(groups[8] == key("pt", "redefinir senha"));  // groups are no larger: the first by key leads
    CHECK(groups[10] == groups[8]);
}

TEST_CASE("Question grouping: short words must match exactly, and languages never mix", "[gaps][unit]") {
    auto groups = merged({{"en", "sso"}, {"en", "ssh"}, {"en", "reset password"}, {"pt", "reset password"}});
    CHECK(groups[0] != groups[1]);
    CHECK(groups[2] != groups[3]);
}

TEST_CASE("Question grouping: the result does not depend on the order queries arrive in", "[gaps][unit]") {
    std::vector<std::pair<std::string, std::string>> queries{
        {"en", "export data"}, {"en", "exporting data"}, {"en", "exprot data"}, {"en", "data export csv"}};
    auto forward = merged(queries);
    std::reverse(queries.begin(), queries.end());
    auto backward = merged(queries);
    std::reverse(backward.begin(), backward.end());
    CHECK(forward == backward);
}

TEST_CASE("term_overlap: Jaccard with one-edit terms of five letters or more", "[gaps][unit]") {
    CHECK(gaps::term_overlap({"password", "reset"}, {"password", "reset"}) == Approx(1.0));
    CHECK(gaps::term_overlap({"pasword", "resset"}, {"password", "reset"}) == Approx(1.0));
    CHECK(gaps::term_overlap({"passowrd"}, {"password"}) == Approx(1.0));  // neighbours swapped
    CHECK(gaps::term_overlap({"change", "password"}, {"password", "reset"}) == Approx(1.0 / 3.0));
    CHECK(gaps::term_overlap({"card"}, {"cart"}) == Approx(0.0));                           // too short to forgive
    CHECK(gaps::term_overlap({"invoice"}, {"invoicing"}) == Approx(0.0));                   // two edits
    CHECK(gaps::term_overlap({"redefin", "senh"}, {"redefinica", "senh"}) == Approx(1.0));  // a stem starts the other
    CHECK(gaps::term_overlap({"sett"}, {"settings"}) == Approx(0.0));  // too short to be a stem worth trusting
}

TEST_CASE("Interactions: the widget's search after the keystrokes of its session is the same question",
          "[gaps][unit]") {
    std::vector<events::Event> typed{keystroke("k1", "w1", "res", minutes(0)),
                                     keystroke("k2", "w1", "reset pass", minutes(0)),
                                     search("s1", "reset password", 3, minutes(1))};
    typed.back().session_id = "w1";
    typed.push_back(follow(events::EventKind::CLICK, "s1", minutes(2)));
    auto interactions = gaps::fold_interactions(typed, judged_at(minutes(120)));
    REQUIRE(interactions.size() == 1);
    CHECK(interactions[0].query == "reset password");
    CHECK(interactions[0].outcome == Outcome::RESOLVED);
}
