#include "events/event_line.h"

#include "common/json_text.h"
#include "common/utf8.h"

#include <nlohmann/json.hpp>

namespace anticipa::events {
namespace {

using nlohmann::json;

}  // namespace

void repair_texts(Event& event) {
    auto repair = [](std::string& text) {
        if (find_invalid_utf8(text) != std::string::npos) text = repair_utf8(text);
    };
    for (std::string* text : {&event.event_id, &event.search_id, &event.session_id, &event.source, &event.locale,
                              &event.tier, &event.query, &event.article_id, &event.comment, &event.channel,
                              &event.route, &event.client})
        repair(*text);
    for (std::string& article : event.shown) repair(article);
}

std::int64_t to_ms(std::chrono::system_clock::time_point at) {
    return std::chrono::floor<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

std::chrono::system_clock::time_point from_ms(std::int64_t ms) {
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(ms));
}

void append_json_array(std::string& out, const std::vector<std::string>& texts) {
    out += '[';
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (i > 0) out += ',';
        append_json_string(out, texts[i]);
    }
    out += ']';
}

// Journal lines are written by hand (JsonObjectWriter, common/json_text.h), not through an
// nlohmann::json object: building one (a map of allocated strings) costs ~10 µs per event on the
// request path, this costs ~1 µs. They are read back with nlohmann, off the request path.
std::string event_line(const Event& event) {
    std::string out;
    out.reserve(512);
    {
        JsonObjectWriter line(out);
        line.text("id", event.event_id);
        line.text("kind", to_string(event.kind));
        line.number("at_ms", to_ms(event.at));
        line.text("search_id", event.search_id);
        line.text("session_id", event.session_id);
        line.text("source", event.source);
        line.text("locale", event.locale);
        line.text("tier", event.tier);
        line.text("query", event.query);
        line.number("results", static_cast<std::int64_t>(event.results));
        line.flag("fallback", event.fallback);
        append_json_array(line.member("shown"), event.shown);
        line.text("article_id", event.article_id);
        line.number("rank", event.rank);
        line.text("comment", event.comment);
        line.text("channel", event.channel);
        line.text("route", event.route);
        line.text("client", event.client);
        line.number("matches_other_locales", static_cast<std::int64_t>(event.matches_other_locales));
        line.number("matches_any_tier", static_cast<std::int64_t>(event.matches_any_tier));
    }
    out += '\n';
    return out;
}

// A journal line back into an event; nullopt for a line a crash cut short (or any damage), which
// replay skips: its record() never returned, so nobody was told it was kept.
std::optional<Event> parse_event_line(const std::string& line) {
    json object = json::parse(line, nullptr, false);
    if (object.is_discarded() || !object.is_object()) return std::nullopt;
    try {
        auto kind = kind_named(object.at("kind").get<std::string>());
        if (!kind) return std::nullopt;
        Event event;
        event.kind = *kind;
        event.event_id = object.at("id").get<std::string>();
        event.at = from_ms(object.at("at_ms").get<std::int64_t>());
        event.search_id = object.value("search_id", "");
        event.session_id = object.value("session_id", "");
        event.source = object.value("source", "");
        event.locale = object.value("locale", "");
        event.tier = object.value("tier", "");
        event.query = object.value("query", "");
        event.results = object.value("results", std::size_t{0});
        event.fallback = object.value("fallback", false);
        event.shown = object.value("shown", std::vector<std::string>{});
        event.article_id = object.value("article_id", "");
        event.rank = object.value("rank", 0);
        event.comment = object.value("comment", "");
        event.channel = object.value("channel", "");
        event.route = object.value("route", "");
        event.client = object.value("client", "");
        event.matches_other_locales = object.value("matches_other_locales", std::size_t{0});
        event.matches_any_tier = object.value("matches_any_tier", std::size_t{0});
        if (event.event_id.empty()) return std::nullopt;
        return event;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

}  // namespace anticipa::events
