// Events stage: a click, a vote or an escalation becomes one Event (events/reaction_event.h).
#include "events/reaction_event.h"

#include <catch2/catch.hpp>

using namespace anticipa;

TEST_CASE("reaction_event: the reaction's fields and its origin's, and nothing of a search", "[events][unit]") {
    const events::EventOrigin origin{.source = "deflect",
                                     .locale = "pt",
                                     .tier = "standard",
                                     .route = "/billing",
                                     .client = "c1",
                                     .session_id = "s1"};
    SECTION("a click") {
        const auto event = events::reaction_event(
            {.kind = events::EventKind::CLICK, .search_id = "42", .article_id = "invoice", .rank = 2}, origin);
        CHECK(event.kind == events::EventKind::CLICK);
        CHECK(event.search_id == "42");
        CHECK(event.article_id == "invoice");
        CHECK(event.rank == 2);
        CHECK(event.source == "deflect");
        CHECK(event.locale == "pt");
        CHECK(event.tier == "standard");
        CHECK(event.route == "/billing");
        CHECK(event.client == "c1");
        CHECK(event.session_id == "s1");
        CHECK(event.query.empty());
        CHECK(event.shown.empty());
        CHECK(event.results == 0);
    }
    SECTION("an escalation from the contact form keeps the ticket's subject as its query") {
        const auto event = events::reaction_event(
            {.kind = events::EventKind::ESCALATE, .channel = "contact_form", .subject = "refund"}, origin);
        CHECK(event.kind == events::EventKind::ESCALATE);
        CHECK(event.channel == "contact_form");
        CHECK(event.query == "refund");
        CHECK(event.article_id.empty());
    }
    SECTION("a vote") {
        const auto event = events::reaction_event(
            {.kind = events::EventKind::NOT_HELPFUL, .article_id = "invoice", .comment = "outdated"}, origin);
        CHECK(event.kind == events::EventKind::NOT_HELPFUL);
        CHECK(event.comment == "outdated");
        CHECK(event.rank == 0);
    }
}
