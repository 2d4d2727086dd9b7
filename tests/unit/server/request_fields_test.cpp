// Server: the one route check the API, the widget and the events share, alone.
#include "request_fields.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace anticipa::server;

TEST_CASE("Request fields: a route is a short printable path, refused with a message naming the field",
          "[unit][server]") {
    struct Case {
        std::string route;
        std::string says;  ///< "" when the route is accepted
    };
    std::string accented = "/";
    for (int i = 0; i < 199; ++i) accented += "é";  // 200 code points, 399 bytes
    for (const auto& c : std::vector<Case>{
             {"/settings/security", ""},
             {"/billing?email=a@b.c#top", ""},
             {accented, ""},
             {"/" + std::string(199, 'a'), ""},
             {"", "route is required"},
             {"settings", "route must start with '/'"},
             {"/" + std::string(200, 'a'), "route is longer than 200 characters"},
             {accented + "é", "route is longer than 200 characters"},
             {"/\xC3\x28", "route is not valid UTF-8"},
             {"\xFF/", "route is not valid UTF-8"},
             {"/a\x01z", "route must not contain control characters"},
             {"/a\nSet-Cookie: x", "route must not contain control characters"},
             {"/a\x7F", "route must not contain control characters"},
         }) {
        CAPTURE(c.route);
        const FieldResult<std::string> checked = check_route(c.route);
        if (c.says.empty()) {
            REQUIRE(checked.ok());
            CHECK(*checked == c.route);
        } else {
            REQUIRE_FALSE(checked.ok());
            CHECK(checked.error().error == anticipa::server::ApiError::INVALID_REQUEST);
            CHECK(checked.error().message.starts_with(c.says));
        }
    }
}

TEST_CASE("Request fields: a route's path leaves its query string and fragment out", "[unit][server]") {
    CHECK(route_path("/billing?email=a@b.c") == "/billing");
    CHECK(route_path("/billing#invoices") == "/billing");
    CHECK(route_path("/billing") == "/billing");
}
