#include "gaps/learned_suggestions.h"

#include "article/article_loader.h"
#include "article/help_center_config.h"
#include "gaps/interaction.h"

#include <algorithm>
#include <set>

namespace anticipa::gaps {

namespace {

double evidence(const LearnedSuggestion& suggestion) {
    double total = 0;
    for (const auto& phrasing : suggestion.phrasings) total += phrasing.weight;
    return total;
}

/// The learned phrasings of one article that its questions do not hold yet.
std::vector<learn::LearnedPhrasing> not_yet_asked(const learn::PhrasingLearner& learner,
                                                  const article::ArticleMeta& meta) {
    std::set<std::string> questions;
    for (const auto& question : meta.questions) questions.insert(phrasing_of(question).folded);
    std::vector<learn::LearnedPhrasing> phrasings = learner.phrasings_for(meta.locale, meta.id, meta.tiers);
    std::erase_if(phrasings,
                  [&](const learn::LearnedPhrasing& p) { return questions.count(phrasing_of(p.text).folded); });
    return phrasings;
}

}  // namespace

std::vector<LearnedSuggestion> suggest_learned_phrasings(const learn::PhrasingLearner& learner,
                                                         const std::filesystem::path& articles) {
    const article::HelpCenterConfig config = article::load_help_center_config(articles);
    article::LoadOptions options;
    options.root = articles;
    options.max_article_bytes = config.max_article_bytes;
    options.parse_budget = config.parse_budget;
    std::vector<LearnedSuggestion> suggestions;
    for (const article::LoadedFile& file : article::load_articles(options).files) {
        if (!file.article) continue;
        const article::ArticleMeta& meta = file.article->meta;
        if (meta.draft || !meta.learned) continue;
        auto phrasings = not_yet_asked(learner, meta);
        if (phrasings.empty()) continue;
        suggestions.push_back({meta.id, meta.locale, meta.title, file.display_path, std::move(phrasings)});
    }
    std::stable_sort(suggestions.begin(), suggestions.end(),
                     [](const LearnedSuggestion& a, const LearnedSuggestion& b) { return evidence(a) > evidence(b); });
    return suggestions;
}

}  // namespace anticipa::gaps
