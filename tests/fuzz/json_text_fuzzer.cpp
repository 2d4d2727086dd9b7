// Fuzzing: the hand-written JSON and HTML escaping on any bytes (queries, comments and routes
// reach it as customers typed them). Promises: what is written after other text leaves that text
// alone and reads back with nlohmann as the bytes with invalid UTF-8 repaired; an events journal
// line with the bytes in every text field reads back as the same event; escaped HTML holds none
// of & < > " ' raw and reads back as the text.
#include "common/html_escape.h"
#include "common/json_text.h"
#include "common/utf8.h"
#include "events/event_line.h"
#include "fuzz_input.h"

#include <nlohmann/json.hpp>

using namespace anticipa;

namespace {

std::string unescape_html(std::string_view html) {
    static const std::pair<std::string_view, char> ENTITIES[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        bool replaced = false;
        for (const auto& [entity, c] : ENTITIES) {
            if (html.substr(i, entity.size()) == entity) {
                out += c;
                i += entity.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out += html[i++];
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::FuzzInput input(data, size);
    const std::string text(input.rest());
    const std::string repaired = repair_utf8(text);

    std::string out = "before:";
    append_json_string(out, text);
    fuzz::require(out.rfind("before:", 0) == 0, "what was written before the string is kept");
    const nlohmann::json read = nlohmann::json::parse(out.substr(7), nullptr, false);
    fuzz::require(!read.is_discarded() && read.is_string(), "a JSON string is valid JSON");
    fuzz::require(read.get<std::string>() == repaired, "it reads back as the text, invalid UTF-8 repaired");

    events::Event event;
    event.event_id = "fuzz";
    event.query = event.comment = event.route = event.session_id = event.client = text;
    event.shown = {text, "article"};
    events::repair_texts(event);
    const std::string line = events::event_line(event);
    fuzz::require(!line.empty() && line.back() == '\n' && line.find('\n') == line.size() - 1,
                  "a journal line is one line");
    const auto back = events::parse_event_line(line);
    fuzz::require(back.has_value(), "a journal line reads back");
    fuzz::require(back->query == repaired && back->comment == repaired && back->route == repaired &&
                      back->session_id == repaired && back->client == repaired,
                  "every text field reads back as written");
    fuzz::require(back->shown == event.shown, "the shown list reads back");
    fuzz::require(events::event_line(*back) == line, "the line read back writes the same line");

    const std::string html = escape_html(text);
    fuzz::require(html.find_first_of("<>\"'") == std::string::npos, "no markup character is left raw");
    fuzz::require(unescape_html(html) == text, "escaped HTML reads back as the text");
    return 0;
}
