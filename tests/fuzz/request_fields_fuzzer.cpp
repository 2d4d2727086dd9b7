// Fuzzing: the request-field checks the API and the pages share, on any bytes. Promises: never
// throws; what each check accepts has the shape its comment promises (so it is safe in a path,
// an HTML attribute, a log line); a canonical locale is its own canonical form.
#include "common/locale_tag.h"
#include "common/utf8.h"
#include "fuzz_input.h"
#include "request_fields.h"

#include <algorithm>

using namespace anticipa;

namespace {

bool has_control(const std::string& text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::FuzzInput input(data, size);
    const std::string value(input.rest());

    if (auto locale = known_locale(value)) {
        fuzz::require(known_locale(*locale) == locale, "a canonical locale is its own canonical form");
        fuzz::require(locale->find('/') == std::string::npos && !has_control(*locale), "a locale is safe in a path");
    }
    if (server::valid_article_id(value)) {
        fuzz::require(
            value.size() <= 200 && value.find("..") == std::string::npos && value.front() != '/' && !has_control(value),
            "an article id cannot leave its folder");
    }
    if (server::valid_search_id(value)) fuzz::require(value.size() == 32, "a search id is 32 hex digits");
    if (server::valid_session_id(value))
        fuzz::require(!value.empty() && value.size() <= 64 && !has_control(value), "a session id is short and plain");
    if (const auto route = server::check_route(value)) {
        fuzz::require(*route == value, "a route is kept as given");
        fuzz::require(find_invalid_utf8(value) == std::string::npos && !has_control(value),
                      "a route is printable UTF-8");
        fuzz::require(value.front() == '/' && count_code_points(value) <= 200, "a route is a short path");
    } else {
        fuzz::require(route.error().message.starts_with("route "), "a refused route is named in the message");
    }
    const std::string path = server::route_path(value);
    fuzz::require(value.starts_with(path) && path.find_first_of("?#") == std::string::npos,
                  "a route's path is its part before ? or #");
    return 0;
}
