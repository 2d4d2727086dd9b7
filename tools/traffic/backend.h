// anticipa-traffic: what a simulated customer can do to the help center, whether it is reached
// over HTTP (a running `anticipa serve`) or in process, straight into an events store.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace anticipa::traffic {

using TimePoint = std::chrono::system_clock::time_point;

/// What came back from a search, a suggestion, a deflection or a route's context.
struct Shown {
    std::string search_id;             ///< "" when the answer had none (context; suggest for now)
    std::vector<std::string> ids;      ///< article ids, best first
    std::vector<std::string> locales;  ///< each article's locale (another one after a fallback)
    bool ok = true;                    ///< false when the request failed; nothing was shown
};

/// One question put to the help center. `id_hint` is a per-customer unique name the in-process
/// backend uses as the search id, so that a seed gives the same event log every time.
struct Ask {
    std::string query, locale, tier, session, route, id_hint;
    std::string source = "search";  ///< search, suggest, deflect, context
    std::string body;               ///< deflection: the ticket's body (the query is its subject)
    TimePoint at;
};

/// What the customer did with an answer: a click, a vote or an escalation.
struct Reaction {
    std::string type;  ///< click, helpful, not_helpful, escalate
    std::string search_id, session, article_id, locale, tier, comment, channel, source, route;
    int rank = 0;
    TimePoint at;
};

class Backend {
  public:
    virtual ~Backend() = default;
    virtual Shown search(const Ask& ask) = 0;
    virtual Shown suggest(const Ask& ask) = 0;
    virtual Shown context(const Ask& ask) = 0;  ///< the route's articles, before anything is typed
    virtual Shown deflect(const Ask& ask) = 0;  ///< the contact form's articles for a ticket
    virtual void react(const Reaction& reaction) = 0;
    /// A new customer starts: `number` tells customers apart (their own address or device).
    virtual void next_customer(std::size_t number) = 0;
};

/// Requests by outcome, for the summary and the exit code.
struct RequestTally {
    std::atomic<std::uint64_t> sent{0}, client_errors{0}, server_errors{0}, connection_errors{0}, retried{0};
    std::mutex mutex;
    std::vector<std::string> first_failures;  ///< a few, to say what went wrong

    std::uint64_t failed() const { return client_errors + server_errors + connection_errors; }
    void note_failure(const std::string& what) {
        std::lock_guard lock(mutex);
        if (first_failures.size() < 5) first_failures.push_back(what);
    }
};

/// What the customers did, for the summary; kept by the behaviour model, the same in both modes.
/// `clicks` counts every article opened; suggestion and context clicks are among them.
struct ActivityTally {
    std::atomic<std::uint64_t> customers{0}, questions{0}, searches{0}, typing_sessions{0}, keystrokes{0}, clicks{0},
        suggestion_clicks{0}, context_views{0}, context_clicks{0}, deflections{0}, deflected{0}, helpful{0},
        not_helpful{0}, escalations{0}, resolved{0};

    /// Per question name and per expectation: how often asked, how often the customer was left
    /// without an answer (by its own judgement), so a test knows what the report must show.
    struct Count {
        std::uint64_t asked = 0, unresolved = 0;
    };
    std::mutex mutex;
    std::map<std::string, Count> by_question, by_expectation;

    void count_question(const std::string& question, const std::string& expectation, bool resolved_) {
        std::lock_guard lock(mutex);
        for (Count* count : {&by_question[question], &by_expectation[expectation]}) {
            ++count->asked;
            if (!resolved_) ++count->unresolved;
        }
    }
    /// The events the server records for this activity: every search, keystroke and deflection
    /// is answered with a search event; clicks, votes and escalations are events of their own.
    std::uint64_t events() const {
        return searches + keystrokes + deflections + clicks + helpful + not_helpful + escalations;
    }
};

}  // namespace anticipa::traffic
