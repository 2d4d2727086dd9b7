// Search stage: the ranking's tunable settings, one struct, so an evaluation can switch a single
// technique off or change one parameter (`anticipa eval --ranking name=value`) and measure it.
#pragma once

#include <string>
#include <vector>

namespace anticipa::search {

/// Defaults are the measured best (README, "Ablation"); change them only with the table's numbers.
struct RankingOptions {
    // BM25 (Xapian::BM25Weight).
    double k1 = 1.2;  ///< how fast repeated words saturate
    double b = 0.75;  ///< how much long sections are penalised

    // The query's words.
    double stop_word_weight = 0.7;  ///< stop words carry intent in questions, at a lower weight
    double synonym_weight = 0.6;    ///< other phrasings of a synonym group
    /// A word's accent-free stem ("nao" meets "não") counts this share of its weight: at full
    /// weight, accented words outweighed the rest of the question.
    double accent_free_weight = 0.5;
    /// A Chinese word also matches through its bigrams (its own, and the one across its boundary
    /// with the next word) and its characters, at these shares of its weight: they meet words
    /// the dictionary cut differently in the article (0 = off).
    double bigram_weight = 0.5;
    double character_weight = 0.2;
    /// A character in more than this many sections is not matched: common characters made p99
    /// at 100k sections 7 ms instead of 4. A cost bound, like proximity_max_sections: no judged
    /// set is large enough to reach it.
    double character_max_sections = 2000;
    /// A word found in the title adds its title-only weight times this (0 = off): BM25 over
    /// title stems, normalised by the title's length (search/title_match.h). FAQ questions are
    /// answered by the entry whose title asks the same.
    double title_weight = 1.0;
    double title_b = 0.75;  ///< BM25's b for those title matches, over the title's length
    /// Stop words found in the title count in full there: in a question's title they are its
    /// form ("where did", "how long"), and the idf over titles already discounts the common ones.
    double title_stop_word_weight = 1.0;

    /// A word found among the phrasings customers found a section's article with (learn/, the
    /// index's learned field) adds its weight there times this (0 = off). Without events the
    /// field is empty and this changes nothing; measured by `anticipa eval --replay-clicks`.
    /// At 1 the reading-comprehension sets lost up to 3.7 points; at 0.3 none loses more than 0.2
    /// and covidfaq still gains 4 (README "Learned phrasings").
    double learned_weight = 0.3;
    /// The query compared with each learned phrasing as a whole (search/learned_match.h): a
    /// paraphrase of a past question finds what that question's askers chose, which the learned
    /// field, word by word, dilutes. A candidate whose closest phrasing's similarity is above
    /// `learned_match_min` adds this share of the best first-phase weight, scaled from 0 there
    /// to 1 at an identical phrasing (0 = off). Past questions that share a word or two with the
    /// query are other questions: without the minimum, faquad lost 0.9 to 2.3 points; at 0.2 with
    /// 0.5, no set loses more than 0.2 (README "Learned phrasings").
    double learned_match_weight = 0.2;
    double learned_match_min = 0.5;

    /// Adjacent words of the query found near each other in a section add this share of their
    /// weight again (0 = off); `proximity_window` is how many positions "near" spans.
    double proximity_weight = 0.3;
    double proximity_window = 4;
    /// A pair is left out when either word is in more than this many sections. A cost bound,
    /// not a quality setting (no judged set is large enough to reach it): inside the match it
    /// bounded position checks in every section holding both words (p99 12 ms at 100k sections);
    /// in the second phase, checking such pairs in the candidates still costs 3.9% more
    /// instructions per query (README, "Performance").
    double proximity_max_sections = 2000;

    /// A word whose stem has at least `expansion_min_length` letters also matches the stems that
    /// begin with it (the `expansion_terms` most frequent) at this weight (0 = off): "infected"
    /// (stem "infect") meets "infectious" (stem "infecti").
    double expansion_weight = 0.2;
    double expansion_min_length = 5;
    double expansion_terms = 10;

    /// The first phase (what Xapian matches and prunes) hands at least this many candidates to
    /// the second (title matches, proximity pairs: search/rescorer.h), and the page is cut from
    /// them re-sorted. Also a correctness bound: Xapian 1.4.22, pruning by the weight a short page
    /// needs, can miss a section that outranks the page's last hit (a plain OR of BM25 terms; repro
    /// in the README); from this depth on, a page of 10 is the first 10 of the ranking
    /// `anticipa eval` scores.
    double match_depth = 100;
    /// Sections of one article the first phase hands on (match_depth articles' worth; the best
    /// after rescoring stands for the article). With 1 the first phase picks the section shown,
    /// so 5 of the 134 sample queries link another section of the same article than one phase
    /// would; 2 links the same sections, but costs 28% more instructions per query at 100k
    /// sections (README, "Performance"). A cost bound: the judged sets have one section per
    /// document, so their figures are the same either way.
    double sections_per_article = 1;

    /// Results scoring below this share of the best result's score (after the second phase) are
    /// left out (0 = off): the tail of weak matches on one common word or a lone Chinese
    /// character that ended every list. The highest share that costs no judged set nDCG@10 or
    /// Recall@10 (README, "Relevance").
    double relative_score_cut = 0.1;

    /// Pseudo-relevance feedback: the best `feedback_terms` words of the top `feedback_docs`
    /// sections (Xapian's ESet) are added at this weight and the query run again (0 docs = off).
    double feedback_docs = 0;
    double feedback_terms = 10;
    double feedback_weight = 0.3;
};

/// Sets one setting from "name=value" (the names are the members above); throws
/// std::invalid_argument naming the setting when the name is unknown or the value is not a number.
void set_ranking_option(RankingOptions& options, const std::string& assignment);

/// Every setting as "name=value", for printing the effective ranking next to its figures.
std::vector<std::string> describe(const RankingOptions& options);

}  // namespace anticipa::search
