#include "eval/click_simulation.h"

#include <algorithm>
#include <cmath>

namespace anticipa::eval {

namespace {

constexpr std::size_t SHOWN = 10;  ///< a page of results: what a customer looks at

bool relevant(const std::map<std::string, int>& judged, const std::string& id) {
    auto found = judged.find(id);
    return found != judged.end() && found->second > 0;
}

}  // namespace

ClickSimulation::ClickSimulation(ClickModel model, events::EventSink& sink, std::chrono::system_clock::time_point now)
    : model_(model), sink_(sink), now_(now), random_(model.seed) {}

std::string ClickSimulation::choose(const std::vector<std::string>& shown, const std::map<std::string, int>& judged,
                                    bool& vote_down) {
    vote_down = false;
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    const std::size_t page = std::min(shown.size(), SHOWN);
    if (page == 0) return "";
    if (model_.noise_only) return shown[std::uniform_int_distribution<std::size_t>(0, page - 1)(random_)];
    for (std::size_t rank = 0; rank < page; ++rank) {
        if (!relevant(judged, shown[rank])) continue;
        if (chance(random_) < model_.click_top * std::pow(model_.click_decay, static_cast<double>(rank)))
            return shown[rank];
        break;  // the first relevant one shown is the one a customer reads the title of
    }
    if (chance(random_) >= model_.wrong_click) return "";
    std::vector<std::string> wrong;
    for (std::size_t rank = 0; rank < page && wrong.size() < 3; ++rank)
        if (!relevant(judged, shown[rank])) wrong.push_back(shown[rank]);
    if (wrong.empty()) return "";
    vote_down = chance(random_) < model_.not_helpful;
    return wrong[std::uniform_int_distribution<std::size_t>(0, wrong.size() - 1)(random_)];
}

void ClickSimulation::record(const JudgedQuery& query, const std::string& customer,
                             const std::vector<std::string>& shown, const std::string& clicked, bool vote_down) {
    const auto seconds_back = std::uniform_int_distribution<long>(60, model_.days * 86400L)(random_);
    events::Event search;
    search.kind = events::EventKind::SEARCH;
    search.search_id = "replay-" + customer;
    search.session_id = customer;
    search.client = "client-" + customer;  // each simulated customer comes from its own address
    search.at = now_ - std::chrono::seconds(seconds_back);
    search.source = "search";
    search.locale = query.locale;
    search.tier = "basic";
    search.query = query.text;
    search.results = shown.size();
    search.shown.assign(shown.begin(), shown.begin() + static_cast<std::ptrdiff_t>(std::min(shown.size(), SHOWN)));
    sink_.record(search);
    if (clicked.empty()) return;
    events::Event follow = search;
    follow.query.clear();
    follow.shown.clear();
    follow.kind = events::EventKind::CLICK;
    follow.article_id = clicked;
    follow.rank = static_cast<int>(std::find(shown.begin(), shown.end(), clicked) - shown.begin()) + 1;
    follow.at = search.at + std::chrono::seconds(15);
    sink_.record(follow);
    ++clicks_;
    if (!vote_down) return;
    follow.kind = events::EventKind::NOT_HELPFUL;
    follow.at += std::chrono::seconds(40);
    sink_.record(follow);
}

void ClickSimulation::ask(const JudgedQuery& query, const std::vector<std::string>& shown,
                          const std::map<std::string, int>& judged) {
    for (std::size_t i = 0; i < model_.customers_per_query; ++i) {
        bool vote_down = false;
        const std::string clicked = choose(shown, judged, vote_down);
        record(query, query.id + "-" + std::to_string(i), shown, clicked, vote_down);
    }
}

}  // namespace anticipa::eval
