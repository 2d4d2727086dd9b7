// anticipa-traffic, store mode: the customer's actions answered in process by the real index
// (SearchService, as `anticipa serve` answers them) and written straight into an events store,
// with timestamps spread over past days. HTTP cannot do that: the server stamps events itself.
#pragma once

#include "backend.h"

#include "events/event_kind.h"
#include "events/event_sink.h"
#include "events/reaction_event.h"
#include "scenario.h"
#include "search/deflection.h"
#include "search/miss_diagnosis.h"
#include "search/search_service.h"
#include "text_variation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <tuple>

namespace anticipa::traffic {

/// What one question asks of the index, worked out once and remembered: the sample has a few
/// hundred phrasings, and a million-event run asks them again and again.
struct Answer {
    std::vector<std::string> ids, locales;
    std::vector<double> scores;
    std::size_t total = 0;
    bool fallback = false;
    std::size_t matches_other_locales = 0, matches_any_tier = 0;
};

class AnswerBook {
  public:
    explicit AnswerBook(search::SearchService& service) : service_(service) {}

    /// `finished`: a ticket's text, searched without treating the last word as a prefix.
    Answer answer(const std::string& query, const std::string& locale, const std::string& tier, std::size_t limit,
                  bool finished) {
        const auto key = std::make_tuple(query, locale, tier, limit, finished);
        {
            std::shared_lock lock(mutex_);
            if (auto it = book_.find(key); it != book_.end()) return it->second;
        }
        Answer answer = work_out(query, locale, tier, limit, finished);
        std::unique_lock lock(mutex_);
        return book_.emplace(key, std::move(answer)).first->second;
    }

    /// The articles the contact form proposes for a ticket, ranked as the server ranks them.
    Answer deflection(const search::Ticket& ticket) {
        const auto key = std::make_tuple(ticket.subject, ticket.body, ticket.locale, ticket.tier);
        {
            std::shared_lock lock(mutex_);
            if (auto it = deflections_.find(key); it != deflections_.end()) return it->second;
        }
        Answer answer = work_out(ticket);
        std::unique_lock lock(mutex_);
        return deflections_.emplace(key, std::move(answer)).first->second;
    }

  private:
    static search::SearchRequest make_request(const std::string& query, const std::string& locale,
                                              const std::string& tier, std::size_t limit, bool finished) {
        search::SearchRequest request;
        request.query = query;
        request.locale = locale;
        request.tier = tier;
        request.limit = limit;
        request.prefix_last_word = !finished;
        request.with_snippets = false;
        return request;
    }

    // Why a search found nothing is diagnosed as the server does it, so stored events look
    // exactly like served ones.
    Answer work_out(const std::string& query, const std::string& locale, const std::string& tier, std::size_t limit,
                    bool finished) {
        Answer answer;
        const search::SearchRequest request = make_request(query, locale, tier, limit, finished);
        const search::SearchResponse found = service_.search(request);
        for (const auto& hit : found.hits) {
            answer.ids.push_back(hit.id);
            answer.locales.push_back(hit.locale);
            answer.scores.push_back(hit.score);
        }
        answer.total = found.total;
        answer.fallback = found.fallback;
        if (found.total == 0) {
            const search::MissDiagnosis miss = search::diagnose_miss(service_, request);
            answer.matches_other_locales = miss.other_locales;
            answer.matches_any_tier = miss.any_tier;
        }
        return answer;
    }

    Answer work_out(const search::Ticket& ticket) {
        const search::Deflection deflection = search::deflect(service_, ticket);
        Answer answer;
        for (const auto& [hit, confidence] : deflection.articles) {
            answer.ids.push_back(hit.id);
            answer.locales.push_back(hit.locale);
            answer.scores.push_back(confidence);
        }
        answer.total = deflection.total;
        answer.fallback = deflection.found.fallback;
        // The server diagnoses a ticket that found nothing by the words it is grouped by.
        if (deflection.found.own_total() == 0) {
            const search::MissDiagnosis miss = search::diagnose_miss(service_, deflection.grouped_by);
            answer.matches_other_locales = miss.other_locales;
            answer.matches_any_tier = miss.any_tier;
        }
        return answer;
    }

    search::SearchService& service_;
    std::shared_mutex mutex_;
    std::map<std::tuple<std::string, std::string, std::string, std::size_t, bool>, Answer> book_;
    std::map<std::tuple<std::string, std::string, std::string, std::string>, Answer> deflections_;
};

class StoreBackend : public Backend {
  public:
    /// `run_tag` starts every search id ("t7-"), so two runs with other seeds into one store do
    /// not join each other's clicks; `drain` returns once the sink has written what it accepted.
    StoreBackend(AnswerBook& answers, search::SearchService& service, events::EventSink& sink,
                 std::function<void()> drain, std::string run_tag)
        : answers_(answers), service_(service), sink_(sink), drain_(std::move(drain)), run_tag_(std::move(run_tag)) {}

    /// The customer's address as a server stores it by default: a keyed hash, here of the number.
    void next_customer(std::size_t number) override {
        char hex[17];
        std::snprintf(hex, sizeof hex, "%016llx",
                      static_cast<unsigned long long>((number + 1) * 0x9E3779B97F4A7C15ULL));
        client_ = hex;
    }

    Shown search(const Ask& a) override { return record(a, answers_.answer(a.query, a.locale, a.tier, 10, false)); }
    Shown suggest(const Ask& a) override { return record(a, answers_.answer(a.query, a.locale, a.tier, 5, false)); }

    Shown context(const Ask& a) override {
        Shown shown;
        for (const auto& summary : service_.articles_for_route(a.route, a.locale, a.tier, 5)) {
            shown.ids.push_back(summary.id);
            shown.locales.push_back(summary.locale);
        }
        return shown;  // a context view is not an event: nothing was asked
    }

    /// As the contact form does it (search::deflect): the five articles most likely to answer.
    Shown deflect(const Ask& a) override {
        return record(a, answers_.deflection({.subject = a.query, .body = a.body, .locale = a.locale, .tier = a.tier}));
    }

    void react(const Reaction& r) override {
        events::Event event = events::reaction_event({.kind = events::reaction_kind_named(r.type).value(),
                                                      .search_id = r.search_id,
                                                      .article_id = r.article_id,
                                                      .rank = r.rank,
                                                      .comment = r.comment,
                                                      .channel = r.channel},
                                                     {.source = r.source,
                                                      .locale = r.locale,
                                                      .tier = r.tier,
                                                      .route = r.route,
                                                      .client = client_,
                                                      .session_id = r.session});
        event.at = r.at;  // spread over past days
        write(std::move(event));
    }

  private:
    Shown record(const Ask& a, const Answer& answer) {
        events::Event event;
        event.kind = events::EventKind::SEARCH;
        event.search_id = run_tag_ + a.id_hint;
        event.session_id = a.session;
        event.at = a.at;
        event.source = a.source;
        event.locale = a.locale;
        event.tier = a.tier;
        event.query = a.query;
        event.results = answer.total;
        event.fallback = answer.fallback;
        event.shown = answer.ids;
        event.route = a.route;
        event.client = client_;
        event.matches_other_locales = answer.matches_other_locales;
        event.matches_any_tier = answer.matches_any_tier;
        Shown shown{event.search_id, answer.ids, answer.locales, true};
        write(std::move(event));
        return shown;
    }

    /// Generating is faster than any disk: past BACKLOG_LIMIT accepted but unwritten events,
    /// wait for the store's writer rather than make it drop events (it drops, by design, when a
    /// server outruns it). Generating and writing overlap; `drain` (a full flush) is the way out
    /// should the writer stop making progress.
    void write(events::Event event) {
        sink_.record(std::move(event));
        if (++since_check_ < 500) return;
        since_check_ = 0;
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        for (;;) {
            const events::SinkStats stats = sink_.stats();
            const std::uint64_t settled = stats.written + stats.dropped;
            if (stats.accepted <= settled || stats.accepted - settled < BACKLOG_LIMIT) return;
            if (std::chrono::steady_clock::now() > give_up) return drain_();
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }

    static constexpr std::uint64_t BACKLOG_LIMIT = 50000;  // the store drops past 200,000
    AnswerBook& answers_;
    search::SearchService& service_;
    events::EventSink& sink_;
    std::function<void()> drain_;
    std::string run_tag_, client_;
    std::uint64_t since_check_ = 0;
};

}  // namespace anticipa::traffic
