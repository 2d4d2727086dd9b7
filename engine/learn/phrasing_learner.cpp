#include "learn/phrasing_learner.h"

#include "article/article.h"
#include "events/event_store.h"
#include "events/pii_scrubber.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace anticipa::learn {

namespace {

/// The articles a search found what it asked in: opened and not voted down, or voted helpful.
/// "Opened A, voted A not helpful, opened B" teaches B only.
std::set<std::string> found_articles(const gaps::Interaction& interaction) {
    std::set<std::string> found(interaction.helpful.begin(), interaction.helpful.end());
    for (const auto& article : interaction.clicked) {
        const auto& down = interaction.not_helpful;
        if (std::find(down.begin(), down.end(), article) == down.end()) found.insert(article);
    }
    found.erase("");
    return found;
}

/// A typing session's keystrokes are one interaction already (gaps/interaction.h); a search
/// without a session is its own.
std::string session_of(const gaps::Interaction& interaction) {
    return interaction.session_id.empty() ? interaction.search_id : interaction.session_id;
}

}  // namespace

PhrasingLearner::PhrasingLearner(LearningOptions options) : options_(std::move(options)) {
    for (const auto& phrase : options_.blocked) {
        const std::string folded = gaps::phrasing_of(phrase).folded;
        if (!folded.empty()) blocked_.push_back(" " + folded + " ");
    }
}

bool PhrasingLearner::is_blocked(const std::string& folded) const {
    const std::string padded = " " + folded + " ";
    return std::any_of(blocked_.begin(), blocked_.end(),
                       [&](const std::string& phrase) { return padded.find(phrase) != std::string::npos; });
}

double PhrasingLearner::decayed(std::chrono::system_clock::time_point at) const {
    const double days = std::chrono::duration<double>(options_.now - at).count() / 86400.0;
    if (options_.half_life_days <= 0 || days <= options_.fresh_days) return 1;
    return std::pow(0.5, (days - options_.fresh_days) / options_.half_life_days);
}

void PhrasingLearner::add(const gaps::Interaction& interaction) {
    if (!gaps::asks_question(interaction) || interaction.escalated || interaction.fallback) return;
    const std::string session = session_of(interaction);
    if (session.empty()) return;
    const std::set<std::string> found = found_articles(interaction);
    if (found.empty()) return;
    // The store scrubs what it journals; scrubbing again keeps a store that did not from
    // teaching (and showing writers) an address or a card number.
    const gaps::PhrasingText phrasing = gaps::phrasing_of(events::scrub_personal_data(interaction.query));
    if (phrasing.folded.empty() || is_blocked(phrasing.folded)) return;
    askers_[{interaction.locale, phrasing.folded}].insert(session);
    for (const auto& article : found) add_finding(interaction, article, session, phrasing);
}

void PhrasingLearner::add_finding(const gaps::Interaction& interaction, const std::string& article,
                                  const std::string& session, const gaps::PhrasingText& phrasing) {
    Evidence& evidence = by_article_[{interaction.locale, article}][phrasing.folded];
    evidence.shown = phrasing.shown;  // interactions come in time order: the latest spelling
    const std::string tier = interaction.tier.empty() ? article::lowest_tier() : interaction.tier;
    Finding& finding = evidence.sessions[session];
    finding.client = interaction.client;
    finding.tier = tier;
    finding.weight = std::max(finding.weight, decayed(interaction.at));
}

std::vector<LearnedPhrasing> PhrasingLearner::phrasings_for(const std::string& locale, const std::string& id,
                                                            const std::vector<std::string>& tiers) const {
    std::vector<LearnedPhrasing> learned;
    auto article = by_article_.find({locale, id});
    if (article == by_article_.end()) return learned;
    for (const auto& [folded, evidence] : article->second) {
        LearnedPhrasing phrasing{evidence.shown};
        std::set<std::string> clients;
        for (const auto& [session, finding] : evidence.sessions) {
            if (std::find(tiers.begin(), tiers.end(), finding.tier) == tiers.end()) continue;
            ++phrasing.sessions;
            phrasing.weight += finding.weight;
            if (!finding.client.empty()) clients.insert(finding.client);
        }
        phrasing.clients = clients.size();
        const auto askers = askers_.find({locale, folded});
        const double share = askers == askers_.end()
                                 ? 0.0
                                 : static_cast<double>(phrasing.sessions) / static_cast<double>(askers->second.size());
        if (phrasing.weight + 1e-9 < options_.min_sessions || phrasing.clients < options_.min_clients ||
            share + 1e-9 < options_.min_share)
            continue;
        learned.push_back(std::move(phrasing));
    }
    std::stable_sort(learned.begin(), learned.end(),
                     [](const LearnedPhrasing& a, const LearnedPhrasing& b) { return a.weight > b.weight; });
    if (learned.size() > options_.max_per_article) learned.resize(options_.max_per_article);
    return learned;
}

std::vector<std::string> PhrasingLearner::texts_for(const std::string& locale, const std::string& id,
                                                    const std::vector<std::string>& tiers) const {
    std::vector<std::string> texts;
    for (auto& phrasing : phrasings_for(locale, id, tiers)) texts.push_back(std::move(phrasing.text));
    return texts;
}

PhrasingLearner learn_from_events(const std::filesystem::path& events, const LearningOptions& options) {
    gaps::FoldOptions fold;
    fold.now = options.now;
    gaps::InteractionFolder folder(fold);
    events::for_each_event(events, std::chrono::system_clock::time_point{}, options.now + fold.session_window,
                           [&](events::Event&& event) { folder.add(std::move(event)); });
    PhrasingLearner learner(options);
    for (const gaps::Interaction& interaction : folder.finish()) learner.add(interaction);
    return learner;
}

}  // namespace anticipa::learn
