// Learn stage: resolved searches -> per article, the phrasings customers found it with, kept only
// where enough distinct customers agree (DESIGN.md, "The loop back"). The indexer adds what this
// keeps to the article's documents as a field of their own (index/schema.h, PREFIX_LEARNED).
#pragma once

#include "gaps/interaction.h"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace anticipa::learn {

/// The thresholds. Measured with `anticipa eval --replay-clicks` (README, "Learned phrasings"):
/// with them, random clicks teach the ranking nothing that costs a judged set.
struct LearningOptions {
    /// Distinct sessions that found the article with the phrasing, each counted at its weight
    /// after decay (see fresh_days): evidence fades with age.
    double min_sessions = 3;
    /// Distinct client hashes among them: one customer, however many sessions, cannot teach.
    /// Searches without a client hash (client addresses off) never count as a client.
    std::size_t min_clients = 3;
    /// Share of the phrasing's resolved sessions that chose this article: clicks scattered over
    /// whatever was shown (noise) stay under it, an answer customers agree on does not. At 0.5,
    /// random clicks of 10 customers per query still taught 8 phrasings and cost covidfaq 3.9
    /// points of nDCG@10 (`anticipa eval --replay-clicks`); at 0.6 they taught none on covidfaq and
    /// one on aia-bde-dev (no loss), while relevant clicks lost 0.02 points of the gain.
    double min_share = 0.6;
    /// A session counts in full for `fresh_days`, then half as much every `half_life_days`
    /// (0: never fades): a phrasing nobody has used for months leaves the ranking.
    double fresh_days = 30;
    double half_life_days = 90;
    /// Phrases writers keep out (articles/anticipa.yaml, `learned_block_list:`): a phrasing
    /// holding one as whole words ("refund" blocks "get a refund now", not "refunded") is not learned.
    std::vector<std::string> blocked;
    std::size_t max_per_article = 20;  ///< the strongest phrasings, so a popular article's field stays small
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

struct LearnedPhrasing {
    std::string text;   ///< as a customer typed it, scrubbed of personal data
    double weight = 0;  ///< distinct sessions, each decayed by age
    std::size_t sessions = 0;
    std::size_t clients = 0;
};

/// Collects what resolved searches found, then says per article what passes the thresholds.
/// A search counts for an article it opened and did not vote down, or voted helpful, unless it
/// ended in an escalation or was answered from another locale (its words are another language's).
class PhrasingLearner {
  public:
    explicit PhrasingLearner(LearningOptions options = {});

    void add(const gaps::Interaction& interaction);

    /// The article's phrasings that pass the thresholds, strongest first, counting only searches
    /// by the tiers in `tiers` (those that may read the article): a phrasing never reaches an
    /// article its askers could not see.
    std::vector<LearnedPhrasing> phrasings_for(const std::string& locale, const std::string& id,
                                               const std::vector<std::string>& tiers) const;

    /// The texts of phrasings_for(), as the indexer takes them (index::LearnedPhrasingsOf).
    std::vector<std::string> texts_for(const std::string& locale, const std::string& id,
                                       const std::vector<std::string>& tiers) const;

  private:
    struct Finding {
        std::string client, tier;
        double weight = 0;  ///< decayed
    };
    struct Evidence {
        std::string shown;                        ///< the latest spelling of the phrasing
        std::map<std::string, Finding> sessions;  ///< by session: a session counts once
    };
    using Key = std::pair<std::string, std::string>;  ///< (locale, article id) or (locale, folded phrasing)

    void add_finding(const gaps::Interaction& interaction, const std::string& article, const std::string& session,
                     const gaps::PhrasingText& phrasing);
    double decayed(std::chrono::system_clock::time_point at) const;
    bool is_blocked(const std::string& folded) const;

    LearningOptions options_;
    std::vector<std::string> blocked_;                           ///< options_.blocked, folded and padded: " refund "
    std::map<Key, std::map<std::string, Evidence>> by_article_;  ///< (locale, id) -> folded phrasing -> evidence
    std::map<Key, std::set<std::string>> askers_;                ///< (locale, folded) -> resolved sessions
};

/// Reads every event of the store, as `anticipa gaps` reads it, and learns from its resolved
/// searches. Throws std::runtime_error naming the store when it cannot be read.
PhrasingLearner learn_from_events(const std::filesystem::path& events, const LearningOptions& options);

}  // namespace anticipa::learn
