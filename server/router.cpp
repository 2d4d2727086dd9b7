#include "router.h"

#include <algorithm>
#include <stdexcept>

namespace anticipa::server {

namespace {

/// A language tag's shape, as page URLs start: 2-3 letters, then "-" subtags of 2-8 letters or
/// digits ("pt", "zh-TW", "pt-BR"); whether the locale is offered is the page's to say.
bool tag_shaped(std::string_view segment) {
    std::size_t at = 0;
    auto letters = [&](std::size_t min, std::size_t max, bool digits) {
        std::size_t count = 0;
        while (at < segment.size() && count < max) {
            const char c = segment[at];
            const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && !(digits && c >= '0' && c <= '9')) break;
            ++at;
            ++count;
        }
        return count >= min;
    };
    if (!letters(2, 3, false)) return false;
    while (at < segment.size()) {
        if (segment[at++] != '-' || !letters(2, 8, true)) return false;
    }
    return true;
}

/// "/en/articles/a/b" -> {"en", "articles", "a", "b"}; "/en/" -> {"en", ""}; "/" -> {""}.
void split_path(std::string_view path, std::vector<std::string_view>& segments) {
    segments.clear();
    path.remove_prefix(1);
    for (;;) {
        const std::size_t slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) return;
        path.remove_prefix(slash + 1);
    }
}

}  // namespace

Router::Router(std::vector<Route> routes) {
    routes_.reserve(routes.size());
    for (Route& route : routes) {
        Compiled compiled{std::move(route), "", {}};
        const std::string& pattern = compiled.route.pattern;
        if (pattern.empty() || pattern[0] != '/') throw std::invalid_argument("route pattern " + pattern);
        if (pattern.find('{') == std::string::npos) {
            compiled.label = pattern;
        } else {
            std::vector<std::string_view> parts;
            split_path(pattern, parts);
            for (std::string_view part : parts) {
                compiled.label += '/';
                if (!part.starts_with('{')) {
                    compiled.segments.push_back({Segment::Kind::LITERAL, std::string(part)});
                    compiled.label += part;
                    continue;
                }
                if (!part.ends_with('}')) throw std::invalid_argument("route pattern " + pattern);
                std::string_view name = part.substr(1, part.size() - 2);
                Segment::Kind kind = Segment::Kind::PARAM;
                if (name.ends_with("...")) {
                    kind = Segment::Kind::REST;
                    name.remove_suffix(3);
                } else if (name.ends_with(":tag")) {
                    kind = Segment::Kind::TAG;
                    name.remove_suffix(4);
                }
                compiled.segments.push_back({kind, ""});
                compiled.label += "{" + std::string(name) + "}";
            }
            if (std::count_if(compiled.segments.begin(), compiled.segments.end(),
                              [](const Segment& s) { return s.kind == Segment::Kind::REST; }) > 1)
                throw std::invalid_argument("route pattern " + pattern + " has two {name...}");
        }
        routes_.push_back(std::move(compiled));
    }
    // Pointers into routes_ only once it stops growing.
    for (const Compiled& compiled : routes_) {
        if (compiled.segments.empty()) exact_[compiled.route.pattern].push_back(&compiled);
        else patterns_.push_back(&compiled);
    }
}

Router::Found Router::find(std::string_view method, const std::string& path) const {
    const std::string_view wanted = method == "HEAD" ? "GET" : method;
    Found found;
    auto consider = [&](const Compiled& compiled, PathParams& params) {
        if (compiled.route.method == wanted) {
            found.route = &compiled.route;
            found.label = compiled.label;
            found.params = std::move(params);
            return true;
        }
        // A preflight route answers OPTIONS on any API path: it does not make a path a resource.
        if (compiled.route.method != "OPTIONS" && found.allowed.find(compiled.route.method) == std::string::npos)
            found.allowed += (found.allowed.empty() ? "" : ", ") + compiled.route.method;
        return false;
    };
    PathParams params;
    if (auto exact = exact_.find(path); exact != exact_.end())
        for (const Compiled* compiled : exact->second)
            if (consider(*compiled, params)) return found;
    for (const Compiled* compiled : patterns_) {
        params.clear();
        if (match(*compiled, path, params) && consider(*compiled, params)) return found;
    }
    return found;
}

bool Router::match(const Compiled& compiled, const std::string& path, PathParams& params) const {
    if (path.empty() || path[0] != '/') return false;
    thread_local std::vector<std::string_view> parts;
    split_path(path, parts);
    const auto& segments = compiled.segments;
    const auto rest =
        std::find_if(segments.begin(), segments.end(), [](const Segment& s) { return s.kind == Segment::Kind::REST; });
    if (rest == segments.end() ? parts.size() != segments.size() : parts.size() < segments.size()) return false;
    // Segments before {name...} match from the start, those after it from the end.
    const std::size_t before = rest - segments.begin();
    const std::size_t after = rest == segments.end() ? 0 : segments.end() - rest - 1;
    auto one = [&](const Segment& segment, std::string_view part) {
        switch (segment.kind) {
            case Segment::Kind::LITERAL:
                return part == segment.text;
            case Segment::Kind::TAG:
                if (!tag_shaped(part)) return false;
                break;
            default:
                if (part.empty()) return false;
        }
        params.emplace_back(part);
        return true;
    };
    for (std::size_t i = 0; i < before; ++i)
        if (!one(segments[i], parts[i])) return false;
    if (rest == segments.end()) return true;
    const std::size_t rest_parts = parts.size() - before - after;
    const char* first = parts[before].data();
    const std::string_view& last = parts[before + rest_parts - 1];
    const std::string_view inside(first, last.data() + last.size() - first);
    if (inside.empty()) return false;
    params.emplace_back(inside);
    for (std::size_t j = 0; j < after; ++j)
        if (!one(segments[before + 1 + j], parts[before + rest_parts + j])) return false;
    return true;
}

std::vector<std::pair<std::string, std::string>> Router::describe() const {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const Compiled& compiled : routes_) rows.emplace_back(compiled.route.method, compiled.label);
    return rows;
}

}  // namespace anticipa::server
