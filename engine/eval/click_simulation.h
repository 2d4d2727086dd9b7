// Eval stage: a judged query + the ranking customers were shown -> the events simulated customers
// leave (searches, clicks, "not helpful" votes), for the replay evaluation (replay_evaluation.h).
#pragma once

#include "eval/judged_collection.h"
#include "events/event_sink.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace anticipa::eval {

/// How simulated customers behave. The defaults are the figures the README reports with.
struct ClickModel {
    /// Customers who ask each past query, each in its own session from its own address: enough
    /// for an answer they agree on to pass learn::LearningOptions' thresholds honestly.
    std::size_t customers_per_query = 10;
    /// The judged article shown at rank r (1 to 10) is clicked with click_top * click_decay^(r-1):
    /// 0.9 at rank 1, 0.48 at 4, 0.15 at 10. Below the top 10 it is never clicked.
    double click_top = 0.9;
    double click_decay = 0.8;
    /// A customer who did not click the judged article clicks a wrong one of the top 3 at this
    /// rate, and votes it "not helpful" at `not_helpful` of those.
    double wrong_click = 0.3;
    double not_helpful = 0.5;
    /// No relevance at all: every customer clicks an article drawn at random from the top 10
    /// shown, and never votes. What the thresholds must keep out of the ranking.
    bool noise_only = false;
    std::uint32_t seed = 16;
    /// Searches are spread over this many days before now (the learning's decay sees their age).
    int days = 30;
};

/// Plays the customers of one query: their searches and clicks go to `sink` as the server would
/// record them. `shown`: the article ids the ranking shows, best first.
class ClickSimulation {
  public:
    ClickSimulation(ClickModel model, events::EventSink& sink,
                    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

    void ask(const JudgedQuery& query, const std::vector<std::string>& shown, const std::map<std::string, int>& judged);

    std::size_t clicks() const { return clicks_; }

  private:
    /// The article a customer opens, or "" for none; sets `vote_down` for a wrong one voted down.
    std::string choose(const std::vector<std::string>& shown, const std::map<std::string, int>& judged,
                       bool& vote_down);
    void record(const JudgedQuery& query, const std::string& customer, const std::vector<std::string>& shown,
                const std::string& clicked, bool vote_down);

    ClickModel model_;
    events::EventSink& sink_;
    std::chrono::system_clock::time_point now_;
    std::mt19937 random_;
    std::size_t clicks_ = 0;
};

}  // namespace anticipa::eval
