#include "search_json.h"

#include "common/json_text.h"
#include "search/snippet.h"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace anticipa::server {

namespace {

// The shortest text that reads back as the same double, as nlohmann writes it ("1.0", "0.25").
void append_real(std::string& out, double value) {
    out += nlohmann::json(value).dump();
}

void append_hit(std::string& out, const search::SearchHit& hit) {
    // Members in the order nlohmann's sorted objects wrote them, so the bytes stay as they were.
    JsonObjectWriter object(out);
    object.text("anchor", hit.anchor);
    std::string& highlights = object.member("highlights");
    highlights += '[';
    for (std::size_t i = 0; i < hit.snippet.highlights.size(); ++i) {
        const auto [from, to] = hit.snippet.highlights[i];
        if (i > 0) highlights += ',';
        highlights += '[';
        append_json_number(highlights, from);
        highlights += ',';
        append_json_number(highlights, to);
        highlights += ']';
    }
    highlights += ']';
    object.text("id", hit.id);
    object.text("link", hit.link);
    object.text("locale", hit.locale);
    append_real(object.member("score"), hit.score);
    object.text("section", hit.heading);
    object.text("snippet", hit.snippet.text);
    object.text("snippet_html", search::snippet_html(hit.snippet));
    object.text("title", hit.title);
}

}  // namespace

std::string search_json(const search::SearchResponse& response, const std::string& query) {
    std::string out;
    out.reserve(512 + response.hits.size() * 1024);
    {
        JsonObjectWriter object(out);
        object.text("did_you_mean", response.did_you_mean);
        object.flag("fallback", response.fallback);
        object.text("locale", response.locale);
        object.text("query", query);
        std::string& results = object.member("results");
        results += '[';
        for (std::size_t i = 0; i < response.hits.size(); ++i) {
            if (i > 0) out += ',';
            append_hit(out, response.hits[i]);
        }
        out += ']';
        object.text("search_instead_for", response.search_instead_for);
        object.text("showing_results_for", response.showing_results_for);
        object.number("total", static_cast<std::int64_t>(response.total));
    }
    return out;
}

}  // namespace anticipa::server
