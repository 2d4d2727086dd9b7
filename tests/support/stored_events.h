// Test support: the event the events stores' round-trip tests send (SQLite and PostgreSQL alike),
// and the check that it came back whole.
#pragma once

#include "events/event.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

namespace anticipa::test {

/// Now, to the millisecond: the stores keep milliseconds, so a time already rounded compares
/// equal after the round trip.
inline std::chrono::system_clock::time_point now_ms() {
    return std::chrono::system_clock::time_point(
        std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()));
}

/// A "not helpful" vote with every field of every kind of event set, and `query` as given.
inline events::Event every_field_event(std::string query) {
    events::Event sent;
    sent.kind = events::EventKind::NOT_HELPFUL;
    sent.event_id = "e-1";
    sent.search_id = "s-1";
    sent.session_id = "session-1";
    sent.at = now_ms();
    sent.source = "deflect";
    sent.locale = "pt-BR";
    sent.tier = "advanced";
    sent.query = std::move(query);
    sent.results = 3;
    sent.fallback = true;
    sent.shown = {"reset-password", "two-factor", "account-locked"};
    sent.article_id = "reset-password";
    sent.rank = 2;
    sent.comment = "não funcionou";
    sent.channel = "contact_form";
    sent.route = "/settings/security";
    sent.client = "c0ffee";
    sent.matches_other_locales = 4;
    sent.matches_any_tier = 5;
    return sent;
}

/// Every field of `got` against `sent` but the query, which a store scrubs: each test says what
/// its query becomes.
inline void check_every_field_but_query(const events::Event& got, const events::Event& sent) {
    CHECK(got.kind == sent.kind);
    CHECK(got.event_id == sent.event_id);
    CHECK(got.search_id == sent.search_id);
    CHECK(got.session_id == sent.session_id);
    CHECK(got.at == sent.at);
    CHECK(got.source == sent.source);
    CHECK(got.locale == sent.locale);
    CHECK(got.tier == sent.tier);
    CHECK(got.results == sent.results);
    CHECK(got.fallback == sent.fallback);
    CHECK(got.shown == sent.shown);
    CHECK(got.article_id == sent.article_id);
    CHECK(got.rank == sent.rank);
    CHECK(got.comment == sent.comment);
    CHECK(got.channel == sent.channel);
    CHECK(got.route == sent.route);
    CHECK(got.client == sent.client);
    CHECK(got.matches_other_locales == sent.matches_other_locales);
    CHECK(got.matches_any_tier == sent.matches_any_tier);
}

}  // namespace anticipa::test
