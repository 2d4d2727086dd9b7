// anticipa-traffic: the behaviour model. A customer (locale, tier, a few questions) -> the
// searches, keystrokes, clicks, votes and escalations a real one would make, through a Backend.
#pragma once

#include "backend.h"
#include "scenario.h"
#include "text_variation.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>

namespace anticipa::traffic {

/// A small deterministic generator (splitmix64): the same seed gives the same customers with any
/// standard library, unlike std:: distributions, whose algorithms are implementation-defined.
class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  ///< [0, 1)
    bool chance(double probability) { return unit() < probability; }
    double between(std::pair<double, double> range) { return range.first + unit() * (range.second - range.first); }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }
    std::size_t pick_weighted(const std::vector<double>& weights) {
        double total = 0;
        for (double w : weights) total += w;
        double target = unit() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (target < weights[i]) return i;
            target -= weights[i];
        }
        return weights.size() - 1;
    }
    const std::string& pick(const Weighted& weighted) { return weighted.names[pick_weighted(weighted.weights)]; }

  private:
    std::uint64_t state_;
};

/// Who the customer is; `day_position` is where its visit falls in the simulated period (0 the
/// first day, 1 now), which scales the questions that grow.
struct CustomerProfile {
    std::size_t number = 0;
    std::string locale, tier;
    double day_position = 1;
    TimePoint start;
    TimePoint latest;            ///< no event after this (now): a visit that runs late is squeezed
    bool advance_clock = false;  ///< store mode: timestamps follow the simulated reading and typing
    double pace = 0;             ///< HTTP mode: really wait, this many times faster than a person; 0: never
};

class Customer {
  public:
    Customer(const Scenario& scenario, Backend& backend, ActivityTally& tally, CustomerProfile profile, Random random)
        : scenario_(scenario),
          backend_(backend),
          tally_(tally),
          me_(std::move(profile)),
          random_(random),
          now_(me_.start) {}

    /// Asks 1 to N questions, each by the entry the scenario weighs (search box, typing, contact).
    void visit() {
        ++tally_.customers;
        const int questions = std::stoi(random_.pick(scenario_.questions_per_customer));
        for (int i = 0; i < questions; ++i) {
            if (i > 0) wait(scenario_.timing.between_questions);
            ask_one(pick_question());
        }
    }

  private:
    const Question& pick_question() {
        std::vector<double> weights;
        for (const auto& q : scenario_.questions)
            weights.push_back(q.phrasings.count(me_.locale) ? q.weight * (1 + q.growth * me_.day_position) : 0.0);
        return scenario_.questions[random_.pick_weighted(weights)];
    }

    void ask_one(const Question& question) {
        ++tally_.questions;
        const Expectation expectation = question.expectation(me_.locale, me_.tier);
        const std::string entry = random_.pick(scenario_.entry);
        bool resolved = false;
        if (entry == "contact") {
            resolved = contact(question);
        } else {
            resolved = entry == "typing" ? type(question) : search(question, phrasing(question), "", "");
            if (!resolved && random_.chance(scenario_.behaviour.retype)) {
                wait(scenario_.timing.read_results);
                resolved = search(question, phrasing(question), "", "");
            }
            if (!resolved && random_.chance(scenario_.behaviour.escalate_unresolved)) resolved = contact(question);
        }
        if (resolved) ++tally_.resolved;
        tally_.count_question(question.name, to_string(expectation), resolved);
    }

    /// The help center's search box: one query, then the results page.
    bool search(const Question& question, const std::string& query, const std::string& session,
                const std::string& route) {
        Shown shown = backend_.search(ask(query, "search", session, route));
        ++tally_.searches;
        wait(scenario_.timing.read_results);
        return react(question, shown, "search", route, session);
    }

    /// The widget: the query typed keystroke by keystroke; a keystroke followed by a long enough
    /// pause asks /suggest, all with one session id; the suggestions may hold the answer, else
    /// the customer pauses and the widget searches.
    bool type(const Question& question) {
        ++tally_.typing_sessions;
        const std::string query = phrasing(question);
        const std::string session = next_id("s");
        const std::string route = question.routes.empty() ? "/help" : random_.pick(question.routes);
        const auto prefixes = typing_prefixes(query);
        Shown suggestions;
        for (std::size_t i = 0; i < prefixes.size(); ++i) {
            wait(scenario_.timing.keystroke);
            const bool last = i + 1 == prefixes.size();
            if (!last && !random_.chance(scenario_.behaviour.keystroke_sent)) continue;
            suggestions = backend_.suggest(ask(prefixes[i], "suggest", session, route));
            ++tally_.keystrokes;
        }
        const int rank = rank_of(suggestions, question.article);
        if (rank > 0 && random_.chance(scenario_.behaviour.click_suggestion)) {
            ++tally_.suggestion_clicks;
            open(suggestions, rank, "suggest", route, session);
            return vote(suggestions, rank, true, route, session);
        }
        Shown results = backend_.search(ask(query, "search", session, route));
        ++tally_.searches;
        wait(scenario_.timing.read_results);
        return react(question, results, "search", route, session);
    }

    /// A product page's contact form: the route's own articles first, then the ticket's subject
    /// and body are searched (deflection) before the ticket goes to support.
    bool contact(const Question& question) {
        const std::string route = question.routes.empty() ? "/help/contact" : random_.pick(question.routes);
        const Behaviour& b = scenario_.behaviour;
        Shown context = backend_.context(ask("", "context", "", route));
        ++tally_.context_views;
        if (const int rank = rank_of(context, question.article); rank > 0 && random_.chance(b.context_answer)) {
            ++tally_.context_clicks;
            open(context, rank, "context", route, "");
            if (vote(context, rank, true, route, "")) return true;
        }
        const std::string subject = phrasing(question);
        Ask ticket = ask(subject, "deflect", "", route);
        ticket.body = ticket_body(subject);
        Shown proposed = backend_.deflect(ticket);
        ++tally_.deflections;
        wait(scenario_.timing.read_results);
        const int rank = rank_of(proposed, question.article);
        if (rank > 0 && random_.chance(b.deflected)) {
            ++tally_.deflected;
            open(proposed, rank, "deflect", route, "");
            if (vote(proposed, rank, true, route, "")) {
                if (!random_.chance(b.escalate_despite_answer)) return true;
                escalate(proposed.search_id, route);
                return false;
            }
        } else if (!proposed.ids.empty() && random_.chance(b.open_other)) {
            const int other = click_rank(proposed);
            open(proposed, other, "deflect", route, "");
            vote(proposed, other, false, route, "");
        }
        // Without a search id (the deflection request failed) the escalation cannot be tied to it.
        if (random_.chance(b.escalate_after_deflection) && !proposed.search_id.empty())
            escalate(proposed.search_id, route);
        return false;
    }

    /// After a results page: open the right article when it is there, else perhaps another one.
    bool react(const Question& question, const Shown& shown, const std::string& source, const std::string& route,
               const std::string& session) {
        const Behaviour& b = scenario_.behaviour;
        if (const int rank = rank_of(shown, question.article); rank > 0) {
            const bool foreign = language_of(shown.locales[rank - 1]) != language_of(me_.locale);
            if (!random_.chance(foreign ? b.open_foreign_answer : b.open_answer)) return false;
            open(shown, rank, source, route, session);
            // An answer in another language helps only some of those who can read it.
            return vote(shown, rank, !foreign || random_.chance(0.5), route, session);
        }
        if (shown.ids.empty() || !random_.chance(b.open_other)) return false;
        const int rank = click_rank(shown);
        open(shown, rank, source, route, session);
        vote(shown, rank, false, route, session);
        return false;
    }

    void open(const Shown& shown, int rank, const std::string& source, const std::string& route,
              const std::string& session) {
        Reaction click = reaction("click", shown, rank, source, route, session);
        backend_.react(click);
        ++tally_.clicks;
        wait(scenario_.timing.read_article);
    }

    /// "Was this helpful?": true unless the customer said no. `right`: the article answers it.
    bool vote(const Shown& shown, int rank, bool right, const std::string& route, const std::string& session) {
        const Behaviour& b = scenario_.behaviour;
        if (!random_.chance(b.vote)) return right;
        const bool helpful = right && random_.chance(b.helpful_when_right);
        Reaction verdict = reaction(helpful ? "helpful" : "not_helpful", shown, rank, "", route, session);
        const auto& comments = text().comments;
        if (!helpful && !comments.empty() && random_.chance(b.comment)) verdict.comment = random_.pick(comments);
        backend_.react(verdict);
        ++(helpful ? tally_.helpful : tally_.not_helpful);
        return helpful;
    }

    void escalate(const std::string& search_id, const std::string& route) {
        Reaction escalation;
        escalation.type = "escalate";
        escalation.search_id = search_id;
        escalation.locale = me_.locale;
        escalation.tier = me_.tier;
        escalation.route = route;
        escalation.source = "deflect";
        auto channel = scenario_.escalation_channels.find(me_.tier);
        escalation.channel = channel == scenario_.escalation_channels.end() ? "contact_form" : channel->second;
        escalation.at = now_;
        backend_.react(escalation);
        ++tally_.escalations;
    }

    Reaction reaction(const std::string& type, const Shown& shown, int rank, const std::string& source,
                      const std::string& route, const std::string& session) const {
        Reaction r;
        r.type = type;
        r.search_id = shown.search_id;
        r.session = session;
        r.article_id = shown.ids[rank - 1];
        r.locale = me_.locale;
        r.tier = me_.tier;
        r.rank = rank;
        r.source = source;
        r.route = route;
        r.at = now_;
        return r;
    }

    Ask ask(const std::string& query, const std::string& source, const std::string& session, const std::string& route) {
        Ask a;
        a.query = query;
        a.locale = me_.locale;
        a.tier = me_.tier;
        a.session = session;
        a.route = route;
        a.source = source;
        a.id_hint = next_id("q");
        a.at = now_;
        return a;
    }

    /// A phrasing of the question as this customer types it: sometimes without accents, with a
    /// slip of the finger, or with personal data the store must scrub.
    std::string phrasing(const Question& question) {
        std::string typed = random_.pick(question.phrasings.at(me_.locale));
        const Variation& v = scenario_.variation;
        if (language_of(me_.locale) != "zh" && random_.chance(v.drop_accents)) typed = drop_accents(typed);
        if (random_.chance(v.typo)) typed = swap_letters(typed, random_.next());
        if (!text().personal.empty() && random_.chance(v.personal_data)) typed += " " + random_.pick(text().personal);
        return typed;
    }

    std::string ticket_body(const std::string& subject) {
        const auto& templates = text().ticket;
        if (templates.empty()) return subject;
        std::string body = random_.pick(templates);
        if (auto at = body.find("{question}"); at != std::string::npos) body.replace(at, 10, subject);
        if (!text().personal.empty() && random_.chance(0.5)) body += "\n" + random_.pick(text().personal);
        return body;
    }

    int click_rank(const Shown& shown) {
        const int drawn = std::stoi(random_.pick(scenario_.behaviour.click_rank));
        return std::min(drawn, static_cast<int>(shown.ids.size()));
    }

    static int rank_of(const Shown& shown, const std::string& article) {
        if (article.empty()) return 0;
        auto it = std::find(shown.ids.begin(), shown.ids.end(), article);
        return it == shown.ids.end() ? 0 : static_cast<int>(it - shown.ids.begin()) + 1;
    }

    const LocaleText& text() const {
        static const LocaleText none;
        auto it = scenario_.text.find(me_.locale);
        return it == scenario_.text.end() ? none : it->second;
    }

    std::string next_id(const char* kind) {
        return std::string(kind) + "-" + std::to_string(me_.number) + "-" + std::to_string(++ids_);
    }

    void wait(std::pair<double, double> seconds) {
        const double s = random_.between(seconds);  // drawn in both modes, so they stay in step
        if (me_.advance_clock)
            now_ = std::min(now_ + std::chrono::milliseconds(static_cast<std::int64_t>(s * 1000)), me_.latest);
        if (me_.pace > 0) std::this_thread::sleep_for(std::chrono::duration<double>(s / me_.pace));
    }

    const Scenario& scenario_;
    Backend& backend_;
    ActivityTally& tally_;
    CustomerProfile me_;
    Random random_;
    TimePoint now_;
    int ids_ = 0;
};

}  // namespace anticipa::traffic
