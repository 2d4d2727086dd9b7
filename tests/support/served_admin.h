// Test support: the sample help center served with /admin on (a known admin token), and the
// requests the admin tests make: log in, read a page with a session.
#pragma once

#include "events/event_store.h"
#include "support/served_help_center.h"

#include <httplib.h>
#include <catch2/catch.hpp>

#include <functional>
#include <string>

namespace anticipa::test {

inline const std::string ADMIN_TOKEN = "admin-token-for-session-tests";
inline const std::string FORM_TYPE = "application/x-www-form-urlencoded";

struct ServedAdmin : ServedHelpCenter {
    explicit ServedAdmin(const std::function<void(server::ServerConfig&)>& adjust = {})
        : ServedHelpCenter({.tier_secret = "admin-test-secret",
                            .allowed_origins = {},
                            .adjust = [adjust](server::ServerConfig& settings) {
                                settings.admin_token = ADMIN_TOKEN;
                                if (adjust) adjust(settings);
                            }}) {
        events::SqliteEventStore store({.path = config.events_path});  // the report reads it
    }

    httplib::Response login(const std::string& body, const std::string& path = "/admin/login") const {
        auto result = admin_client().Post(path.c_str(), body, FORM_TYPE.c_str());
        REQUIRE(result);
        return *result;
    }
    /// The session cookie ("anticipa_admin=<id>") a correct login sets.
    std::string session_cookie() const {
        const auto answer = login("token=" + ADMIN_TOKEN);
        REQUIRE(answer.status == 303);
        const std::string set_cookie = answer.get_header_value("Set-Cookie");
        return set_cookie.substr(0, set_cookie.find(';'));
    }
    int admin_status(const httplib::Headers& headers) const {
        auto result = admin_client().Get("/admin", headers);
        REQUIRE(result);
        return result->status;
    }
    /// GET `target` ("/admin?since=30d") with the admin token, as a script would.
    httplib::Response admin_get(const std::string& target) const {
        auto result = admin_client().Get(target.c_str(), {{"Authorization", "Bearer " + ADMIN_TOKEN}});
        REQUIRE(result);
        return *result;
    }
};

}  // namespace anticipa::test
