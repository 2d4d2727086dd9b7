#include "gaps/grouping_measure.h"

#include "common/locale_tag.h"

#include <map>
#include <set>
#include <unordered_map>

namespace anticipa::gaps {

namespace {

struct Item {
    std::string language, question, group;
};

/// One item per distinct (locale, text): the same phrasing typed a hundred times is one phrasing.
std::vector<Item> distinct_items(const std::vector<KnownPhrasing>& phrasings, const std::vector<std::string>& groups) {
    std::vector<Item> items;
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < phrasings.size() && i < groups.size(); ++i)
        if (seen.insert({phrasings[i].locale, phrasings[i].text}).second)
            items.push_back({language_of(phrasings[i].locale), phrasings[i].question, groups[i]});
    return items;
}

void count_pair(const Item& a, const Item& b, PairScore& score) {
    const bool same_question = a.question == b.question, same_group = a.group == b.group;
    score.same_question += same_question;
    score.same_group += same_group;
    score.both += same_question && same_group;
}

}  // namespace

double PairScore::f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

GroupingScore score_grouping(const std::vector<KnownPhrasing>& phrasings, const std::vector<std::string>& groups) {
    const std::vector<Item> items = distinct_items(phrasings, groups);
    GroupingScore score;
    score.phrasings = items.size();
    if (items.empty()) return score;
    std::map<std::string, std::size_t> per_question, per_group;
    std::map<std::pair<std::string, std::string>, std::size_t> per_both;
    for (const Item& item : items) {
        ++per_question[item.question];
        ++per_group[item.group];
        ++per_both[{item.question, item.group}];
    }
    score.questions = per_question.size();
    score.groups = per_group.size();
    // B-cubed (Bagga and Baldwin): each phrasing asks how pure its group is and how much of its
    // question its group holds; both count the phrasing itself.
    for (const Item& item : items) {
        const double shared = double(per_both[{item.question, item.group}]);
        score.precision += shared / double(per_group[item.group]);
        score.recall += shared / double(per_question[item.question]);
    }
    score.precision /= double(items.size());
    score.recall /= double(items.size());
    score.f1 = score.precision + score.recall > 0
                   ? 2 * score.precision * score.recall / (score.precision + score.recall)
                   : 0.0;
    for (std::size_t i = 0; i < items.size(); ++i)
        for (std::size_t j = i + 1; j < items.size(); ++j) {
            const Item &a = items[i], &b = items[j];
            if (a.language == b.language) continue;
            count_pair(a, b, score.across_languages);
            count_pair(a, b, a.language == "zh" || b.language == "zh" ? score.chinese_pairs : score.latin_pairs);
        }
    return score;
}

std::vector<std::string> group_like_the_plan(analysis::AnalyzerSet& analyzers,
                                             const std::vector<KnownPhrasing>& phrasings,
                                             const TranslationTable& translations) {
    std::vector<std::string> own_keys;
    std::unordered_map<std::string, KeyVolume> volumes;
    for (const KnownPhrasing& phrasing : phrasings) {
        QuestionKey question = question_key(analyzers, phrasing.locale, phrasing.text);
        own_keys.push_back(question.key);
        auto [slot, fresh] = volumes.try_emplace(own_keys.back(), KeyVolume{std::move(question), 0});
        ++slot->second.searches;
    }
    std::vector<KeyVolume> keys;
    for (auto& [key, volume] : volumes) keys.push_back(std::move(volume));
    const auto merged = group_question_keys(std::move(keys), translations);
    std::vector<std::string> groups;
    for (const std::string& key : own_keys) groups.push_back(merged.at(key));
    return groups;
}

}  // namespace anticipa::gaps
