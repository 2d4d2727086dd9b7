#include "search_json.h"

#include "common/json_text.h"
#include "search/snippet.h"

#include <nlohmann/json.hpp>

namespace anticipa::server {

namespace {

/// Writes one object's members in order, each `"name":value` with its comma.
class ObjectWriter {
  public:
    explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
    ~ObjectWriter() { out_ += '}'; }

    std::string& member(const char* name) {
        if (!first_) out_ += ',';
        first_ = false;
        append_json_string(out_, name);
        out_ += ':';
        return out_;
    }
    void text(const char* name, std::string_view value) { append_json_string(member(name), value); }
    void number(const char* name, std::size_t value) { member(name) += std::to_string(value); }
    void flag(const char* name, bool value) { member(name) += value ? "true" : "false"; }
    // The shortest text that reads back as the same double, as nlohmann writes it ("1.0", "0.25").
    void real(const char* name, double value) { member(name) += nlohmann::json(value).dump(); }

  private:
    std::string& out_;
    bool first_ = true;
};

void append_hit(std::string& out, const search::SearchHit& hit) {
    // Members in the order nlohmann's sorted objects wrote them, so the bytes stay as they were.
    ObjectWriter object(out);
    object.text("anchor", hit.anchor);
    std::string& highlights = object.member("highlights");
    highlights += '[';
    for (std::size_t i = 0; i < hit.snippet.highlights.size(); ++i) {
        const auto [from, to] = hit.snippet.highlights[i];
        if (i > 0) highlights += ',';
        highlights += '[' + std::to_string(from) + ',' + std::to_string(to) + ']';
    }
    highlights += ']';
    object.text("id", hit.id);
    object.text("link", hit.link);
    object.text("locale", hit.locale);
    object.real("score", hit.score);
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
        ObjectWriter object(out);
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
        object.number("total", response.total);
    }
    return out;
}

}  // namespace anticipa::server
