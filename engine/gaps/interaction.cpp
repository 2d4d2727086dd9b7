#include "gaps/interaction.h"

#include "analysis/normalizer.h"

#include <algorithm>
#include <unordered_map>

namespace anticipa::gaps {

namespace {

/// What a search event knew about why it found nothing; kept beside the interaction because only
/// the classification needs it.
struct MatchCounts {
    std::size_t other_locales = 0;
    std::size_t any_tier = 0;
};

struct Open {
    Interaction interaction;
    MatchCounts matches;
};

Outcome classify(const Interaction& interaction, const FoldOptions& options) {
    if (interaction.vote_only) return interaction.not_helpful.empty() ? Outcome::RESOLVED : Outcome::NOT_HELPFUL;
    const bool clicked = !interaction.clicked.empty();
    if (interaction.results == 0 && !clicked) return Outcome::NO_RESULTS;
    if (interaction.escalated) return Outcome::ESCALATED;
    if (!interaction.not_helpful.empty()) return Outcome::NOT_HELPFUL;
    if (clicked) return Outcome::RESOLVED;
    // A search younger than the window may still get its click: judging it now would count
    // this morning's searches as failures in a report run at lunch.
    if (options.now - interaction.at >= options.session_window) return Outcome::NO_CLICK;
    return Outcome::PENDING;
}

GapKind gap_of(const Interaction& interaction, const MatchCounts& matches) {
    if (interaction.vote_only) return GapKind::NONE;
    // Answered in another language than the customer's: a translation gap even when it helped.
    if (interaction.fallback && interaction.results > 0) return GapKind::TRANSLATION;
    if (!is_unresolved(interaction.outcome) || interaction.results > 0) return GapKind::NONE;
    if (matches.any_tier > 0) return GapKind::ENTITLEMENT;
    if (matches.other_locales > 0) return GapKind::TRANSLATION;
    return GapKind::WRITING;
}

}  // namespace

struct InteractionFolder::State {
    FoldOptions options;
    std::vector<Open> open;                                  ///< in the order their searches came
    std::unordered_map<std::string, std::size_t> by_search;  ///< every search id (each keystroke's too)
    std::unordered_map<std::string, std::size_t> typing;     ///< session id -> its interaction

    /// Search-as-you-type: the widget sends each keystroke to suggest and, once the customer
    /// pauses, the query to search, all with one session id.
    static bool typed(const std::string& source) { return source == "suggest" || source == "search"; }

    /// The typing interaction a keystroke (or the search after it) continues, if any. One after
    /// the session's click, escalation or a pause longer than the window starts a new search:
    /// the customer is asking something else.
    Open* continued_session(const events::Event& event) {
        if (!typed(event.source) || event.session_id.empty()) return nullptr;
        auto found = typing.find(event.session_id);
        if (found == typing.end()) return nullptr;
        Open& previous = open[found->second];
        const Interaction& earlier = previous.interaction;
        if (!earlier.clicked.empty() || earlier.escalated || event.at - earlier.at >= options.typing_pause)
            return nullptr;
        return &previous;
    }

    void add_search(events::Event&& event) {
        if (Open* session = continued_session(event)) {
            // "r", "re", "res", ... "reset password": the last keystroke is the question.
            Interaction& interaction = session->interaction;
            interaction.at = event.at;
            interaction.query = std::move(event.query);
            interaction.results = event.results;
            interaction.fallback = event.fallback;
            interaction.shown = std::move(event.shown);
            session->matches = {event.matches_other_locales, event.matches_any_tier};
            if (!event.search_id.empty()) by_search[event.search_id] = typing[event.session_id];
            return;
        }
        Open entry;
        Interaction& interaction = entry.interaction;
        interaction.search_id = event.search_id;
        interaction.session_id = event.session_id;
        interaction.at = event.at;
        interaction.source = std::move(event.source);
        interaction.locale = std::move(event.locale);
        interaction.tier = std::move(event.tier);
        interaction.route = std::move(event.route);
        interaction.client = std::move(event.client);
        interaction.query = std::move(event.query);
        interaction.results = event.results;
        interaction.fallback = event.fallback;
        interaction.shown = std::move(event.shown);
        entry.matches = {event.matches_other_locales, event.matches_any_tier};
        const std::size_t index = open.size();
        if (typed(interaction.source) && !interaction.session_id.empty()) typing[interaction.session_id] = index;
        if (!interaction.search_id.empty()) by_search[interaction.search_id] = index;
        open.push_back(std::move(entry));
    }

    /// A vote on an article page reached without a search (a bookmark, a link from elsewhere):
    /// an interaction of its own that asks nothing, so it counts in the articles' feedback and in
    /// no search figure.
    void add_vote_alone(events::Event&& event) {
        Open entry;
        Interaction& interaction = entry.interaction;
        interaction.at = event.at;
        interaction.source = std::move(event.source);
        interaction.locale = std::move(event.locale);
        interaction.tier = std::move(event.tier);
        interaction.route = std::move(event.route);
        interaction.vote_only = true;
        open.push_back(std::move(entry));
        add_vote(open.back().interaction, std::move(event));
    }

    void add_vote(Interaction& interaction, events::Event&& event) {
        if (event.kind == events::EventKind::NOT_HELPFUL) {
            interaction.not_helpful.push_back(std::move(event.article_id));
            if (!event.comment.empty()) interaction.comments.push_back(std::move(event.comment));
            return;
        }
        if (!event.comment.empty())
            interaction.helpful_comments.emplace_back(event.article_id, std::move(event.comment));
        interaction.helpful.push_back(std::move(event.article_id));
    }

    /// Clicks, votes and escalations; a click or escalation whose search is unknown (before the
    /// period read) has nothing to join and is left out, a vote stands alone.
    void add_follow_up(events::Event&& event) {
        const bool vote = event.kind == events::EventKind::HELPFUL || event.kind == events::EventKind::NOT_HELPFUL;
        auto found = by_search.find(event.search_id);
        if (event.search_id.empty() || found == by_search.end()) {
            if (vote && !event.article_id.empty()) add_vote_alone(std::move(event));
            return;
        }
        Interaction& interaction = open[found->second].interaction;
        switch (event.kind) {
            case events::EventKind::CLICK:
                interaction.clicked.push_back(std::move(event.article_id));
                interaction.click_ranks.push_back(event.rank);
                break;
            case events::EventKind::NOT_HELPFUL:
            case events::EventKind::HELPFUL:
                add_vote(interaction, std::move(event));
                break;
            case events::EventKind::ESCALATE:
                interaction.escalated = true;
                break;
            case events::EventKind::SEARCH:
                break;
        }
    }
};

InteractionFolder::InteractionFolder(FoldOptions options) : state_(std::make_unique<State>()) {
    state_->options = options;
}

InteractionFolder::~InteractionFolder() = default;

void InteractionFolder::add(events::Event&& event) {
    if (event.kind == events::EventKind::SEARCH) state_->add_search(std::move(event));
    else state_->add_follow_up(std::move(event));
}

std::vector<Interaction> InteractionFolder::finish() {
    std::vector<Interaction> interactions;
    interactions.reserve(state_->open.size());
    for (Open& entry : state_->open) {
        Interaction& interaction = entry.interaction;
        interaction.outcome = classify(interaction, state_->options);
        interaction.gap = gap_of(interaction, entry.matches);
        interactions.push_back(std::move(interaction));
    }
    // A typing session takes the time of its last keystroke, which can move it past searches
    // that started later.
    std::stable_sort(interactions.begin(), interactions.end(),
                     [](const Interaction& a, const Interaction& b) { return a.at < b.at; });
    state_ = std::make_unique<State>(State{state_->options, {}, {}, {}});
    return interactions;
}

std::vector<Interaction> fold_interactions(std::vector<events::Event> events, const FoldOptions& options) {
    InteractionFolder folder(options);
    for (events::Event& event : events) folder.add(std::move(event));
    return folder.finish();
}

bool is_unresolved(Outcome outcome) {
    return outcome != Outcome::RESOLVED && outcome != Outcome::PENDING;
}

bool asks_question(const Interaction& interaction) {
    return !interaction.vote_only && interaction.source != "context" &&
           interaction.query.find_first_not_of(" \t\r\n") != std::string::npos;
}

PhrasingText phrasing_of(const std::string& query) {
    PhrasingText text;
    bool space = false;
    for (char c : query) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !text.shown.empty();
            continue;
        }
        if (space) text.shown += ' ';
        space = false;
        text.shown += c;
    }
    text.folded = analysis::normalize_word(text.shown);
    return text;
}

const char* to_string(Outcome outcome) {
    switch (outcome) {
        case Outcome::RESOLVED:
            return "resolved";
        case Outcome::NO_RESULTS:
            return "no_results";
        case Outcome::NO_CLICK:
            return "no_click";
        case Outcome::NOT_HELPFUL:
            return "not_helpful";
        case Outcome::ESCALATED:
            return "escalated";
        case Outcome::PENDING:
            return "pending";
    }
    return "unknown";
}

const char* to_string(GapKind gap) {
    switch (gap) {
        case GapKind::NONE:
            return "none";
        case GapKind::WRITING:
            return "writing";
        case GapKind::TRANSLATION:
            return "translation";
        case GapKind::ENTITLEMENT:
            return "entitlement";
    }
    return "unknown";
}

}  // namespace anticipa::gaps
