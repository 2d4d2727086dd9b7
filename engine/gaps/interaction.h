// Gaps stage, step 1: events -> interactions. A customer's search, with what followed it (clicks,
// votes, an escalation), classified as resolved or not and, when not, why.
#pragma once

#include "events/event.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace anticipa::gaps {

/// How an interaction ended. Anything but RESOLVED is "unresolved" (DESIGN.md, Events).
enum class Outcome {
    RESOLVED,     ///< an article was opened and not voted down, no escalation
    NO_RESULTS,   ///< nothing was shown
    NO_CLICK,     ///< results were shown, none was opened within the session window
    NOT_HELPFUL,  ///< an article was opened and voted "not helpful"
    ESCALATED,    ///< the customer went on to contact support
    PENDING,      ///< too recent to judge: the session window has not closed yet
};

/// Why an unresolved search found nothing useful: what a writer has to do about it.
enum class GapKind {
    NONE,         ///< resolved, or results were shown and simply not chosen
    WRITING,      ///< nothing matched in any locale or tier: an article is missing
    TRANSLATION,  ///< matched only in another locale (or was answered from the default locale,
                  ///< resolved or not): a translation is missing
    ENTITLEMENT,  ///< matched only above the customer's tier
};

struct Interaction {
    std::string search_id;
    std::string session_id;
    std::chrono::system_clock::time_point at;
    std::string source;  ///< search, suggest, deflect, context, page
    std::string locale;
    std::string tier;
    std::string route;
    std::string client;  ///< the client hash of the search (Event::client): who asked, for learn/
    std::string query;   ///< the last query of a search-as-you-type session
    std::size_t results = 0;
    bool fallback = false;  ///< answered from the default locale: nothing in the customer's own
    std::vector<std::string> shown;
    std::vector<std::string> clicked;      ///< article ids opened, in order
    std::vector<int> click_ranks;          ///< their 1-based positions in the results (0: not known)
    std::vector<std::string> helpful;      ///< article ids voted up
    std::vector<std::string> not_helpful;  ///< article ids voted down
    std::vector<std::string> comments;     ///< sent with a "not helpful" vote
    /// Sent with a "helpful" vote, with the article voted for: praise, or "helpful, but step 3 is outdated".
    std::vector<std::pair<std::string, std::string>> helpful_comments;
    bool escalated = false;
    /// A vote with no search to join (an article page reached from a bookmark or another site):
    /// feedback on the article, not a search; asks_question() is false.
    bool vote_only = false;
    Outcome outcome = Outcome::PENDING;
    GapKind gap = GapKind::NONE;
    /// The article the customer could not read that all their words find: "single-sign-on (pt)".
    /// Set at report time for searches that showed results (find_gaps_behind_results).
    std::string would_answer;
};

struct FoldOptions {
    /// A search with no click within this long of it is NO_CLICK; younger ones are PENDING.
    std::chrono::minutes session_window{30};
    /// Keystrokes of one typing session further apart than this are separate questions. Apart
    /// from the window, so judging searches early (a short window) never splits a typed query.
    std::chrono::minutes typing_pause{10};
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

/// Joins clicks, votes and escalations to their search by search id; the keystrokes of one
/// search-as-you-type session (same session id, source "suggest") become one interaction carrying
/// the last query, whatever keystroke a click referred to. Takes events one at a time, in time
/// order, so a million-event log never has to be held whole.
class InteractionFolder {
  public:
    explicit InteractionFolder(FoldOptions options);
    ~InteractionFolder();
    void add(events::Event&& event);
    std::vector<Interaction> finish();  ///< classified, in time order

  private:
    struct State;
    std::unique_ptr<State> state_;
};

std::vector<Interaction> fold_interactions(std::vector<events::Event> events, const FoldOptions& options);

bool is_unresolved(Outcome outcome);

/// A customer's own question: contextual suggestions are offered before anyone asks, and a
/// blank query asks nothing. Every count of "searches" in the content plan counts these.
bool asks_question(const Interaction& interaction);

/// How a phrasing is shown ("Reset  Password " -> "Reset Password") and told apart from others
/// (its folded form: "reset password" for both spellings).
struct PhrasingText {
    std::string shown, folded;
};
PhrasingText phrasing_of(const std::string& query);
const char* to_string(Outcome outcome);
const char* to_string(GapKind gap);

}  // namespace anticipa::gaps
