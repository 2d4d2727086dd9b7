#include "events/event_line.h"

#include "common/json_text.h"
#include "common/utf8.h"

#include <nlohmann/json.hpp>

#include <utility>

namespace anticipa::events {
namespace {

using nlohmann::json;

// The event's fields by their journal names: the one list the line's writer, its reader and
// repair_texts() go through. `id`, `kind`, `at_ms` and `shown` have encodings of their own.
constexpr std::pair<std::string_view, std::string Event::*> TEXT_FIELDS[] = {
    {"search_id", &Event::search_id},   {"session_id", &Event::session_id}, {"source", &Event::source},
    {"locale", &Event::locale},         {"tier", &Event::tier},             {"query", &Event::query},
    {"article_id", &Event::article_id}, {"comment", &Event::comment},       {"channel", &Event::channel},
    {"route", &Event::route},           {"client", &Event::client}};
constexpr std::pair<std::string_view, std::size_t Event::*> COUNT_FIELDS[] = {
    {"results", &Event::results},
    {"matches_other_locales", &Event::matches_other_locales},
    {"matches_any_tier", &Event::matches_any_tier}};

}  // namespace

void repair_texts(Event& event) {
    auto repair = [](std::string& text) {
        if (find_invalid_utf8(text) != std::string::npos) text = repair_utf8(text);
    };
    repair(event.event_id);
    for (const auto& [name, field] : TEXT_FIELDS) repair(event.*field);
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
        for (const auto& [name, field] : TEXT_FIELDS) line.text(name, event.*field);
        for (const auto& [name, field] : COUNT_FIELDS) line.number(name, static_cast<std::int64_t>(event.*field));
        line.number("rank", event.rank);
        line.flag("fallback", event.fallback);
        append_json_array(line.member("shown"), event.shown);
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
        for (const auto& [name, field] : TEXT_FIELDS) event.*field = object.value(std::string(name), "");
        for (const auto& [name, field] : COUNT_FIELDS) event.*field = object.value(std::string(name), std::size_t{0});
        event.rank = object.value("rank", 0);
        event.fallback = object.value("fallback", false);
        event.shown = object.value("shown", std::vector<std::string>{});
        if (event.event_id.empty()) return std::nullopt;
        return event;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

}  // namespace anticipa::events
