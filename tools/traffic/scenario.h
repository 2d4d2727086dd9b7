// anticipa-traffic: the scenario file (tools/traffic/scenarios.yaml) -> the behaviour model it
// describes. Header-only because the tool is one executable target of one .cpp file.
#pragma once

#include "article/article.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace anticipa::traffic {

/// Relative weights of named choices ("en": 26, "pt": 22, ...), in file order.
struct Weighted {
    std::vector<std::string> names;
    std::vector<double> weights;
    bool empty() const { return names.empty(); }
};

/// What the report should make of a customer asking a question, given where its answer lives.
enum class Expectation { ANSWERED, WRITING_GAP, TRANSLATION_GAP, ENTITLEMENT_GAP };

inline const char* to_string(Expectation expectation) {
    switch (expectation) {
        case Expectation::ANSWERED:
            return "answered";
        case Expectation::WRITING_GAP:
            return "writing_gap";
        case Expectation::TRANSLATION_GAP:
            return "translation_gap";
        case Expectation::ENTITLEMENT_GAP:
            return "entitlement_gap";
    }
    return "?";
}

/// "zh-TW" -> "zh": Traditional and Simplified, pt and pt-BR answer each other.
inline std::string language_of(const std::string& locale) {
    return locale.substr(0, locale.find('-'));
}

struct Question {
    std::string name;
    std::string article;  ///< "" when no article answers it
    std::vector<std::string> article_locales{"en", "pt", "es", "it", "zh-TW"};
    std::vector<std::string> article_tiers = article::all_tiers();
    double weight = 1;
    double growth = 0;
    bool held_out = false;  ///< kept apart from the tuning of the grouping (its measure says so)
    std::vector<std::string> routes;
    std::map<std::string, std::vector<std::string>> phrasings;  ///< by customer locale

    Expectation expectation(const std::string& locale, const std::string& tier) const {
        if (article.empty()) return Expectation::WRITING_GAP;
        const bool in_language = std::any_of(article_locales.begin(), article_locales.end(), [&](const std::string& l) {
            return language_of(l) == language_of(locale);
        });
        if (!in_language) return Expectation::TRANSLATION_GAP;
        if (std::find(article_tiers.begin(), article_tiers.end(), tier) == article_tiers.end())
            return Expectation::ENTITLEMENT_GAP;
        return Expectation::ANSWERED;
    }
};

/// Probabilities of the behaviour model; the scenario file explains each.
struct Behaviour {
    double open_answer = 0.85, open_foreign_answer = 0.45, open_other = 0.3;
    Weighted click_rank;
    double vote = 0.55, helpful_when_right = 0.88, comment = 0.35;
    double click_suggestion = 0.45, keystroke_sent = 0.6, retype = 0.25;
    double context_answer = 0.35, deflected = 0.65;
    double escalate_unresolved = 0.55, escalate_after_deflection = 0.8, escalate_despite_answer = 0.08;
};

struct Variation {
    double drop_accents = 0, typo = 0, personal_data = 0;
};

/// Seconds between actions, as [min, max], for the store mode's timestamps.
struct Timing {
    std::pair<double, double> keystroke{0.12, 0.45}, read_results{3, 25}, read_article{20, 240},
        between_questions{60, 3600};
    std::vector<double> busy_hours = std::vector<double>(24, 1.0);  ///< relative traffic per UTC hour
};

struct LocaleText {
    std::vector<std::string> comments, ticket, personal;
};

struct Scenario {
    Weighted locales, tiers, questions_per_customer, entry;
    Behaviour behaviour;
    Variation variation;
    Timing timing;
    std::map<std::string, std::string> escalation_channels;  ///< by tier
    std::map<std::string, LocaleText> text;                  ///< by customer locale
    std::vector<Question> questions;
};

namespace scenario_detail {

inline Weighted read_weighted(const YAML::Node& node, const char* what) {
    Weighted weighted;
    if (!node || !node.IsMap()) throw std::runtime_error(std::string(what) + " must be a map of name: weight");
    for (const auto& entry : node) {
        const double weight = entry.second.as<double>();
        if (weight < 0) throw std::runtime_error(std::string(what) + ": weights cannot be negative");
        weighted.names.push_back(entry.first.as<std::string>());
        weighted.weights.push_back(weight);
    }
    if (weighted.empty()) throw std::runtime_error(std::string(what) + " is empty");
    return weighted;
}

inline void read_probability(const YAML::Node& parent, const char* key, double& out) {
    if (!parent[key]) return;
    out = parent[key].as<double>();
    if (out < 0 || out > 1) throw std::runtime_error(std::string(key) + " must be a probability from 0 to 1");
}

inline void read_range(const YAML::Node& parent, const char* key, std::pair<double, double>& out) {
    if (!parent[key]) return;
    auto values = parent[key].as<std::vector<double>>();
    if (values.size() != 2 || values[0] < 0 || values[1] < values[0])
        throw std::runtime_error(std::string("timing.") + key + " must be [min, max] seconds");
    out = {values[0], values[1]};
}

inline Behaviour read_behaviour(const YAML::Node& node) {
    Behaviour b;
    if (!node) throw std::runtime_error("behaviour is missing");
    const std::pair<const char*, double*> probabilities[] = {
        {"open_answer", &b.open_answer},
        {"open_foreign_answer", &b.open_foreign_answer},
        {"open_other", &b.open_other},
        {"vote", &b.vote},
        {"helpful_when_right", &b.helpful_when_right},
        {"comment", &b.comment},
        {"click_suggestion", &b.click_suggestion},
        {"keystroke_sent", &b.keystroke_sent},
        {"retype", &b.retype},
        {"context_answer", &b.context_answer},
        {"deflected", &b.deflected},
        {"escalate_unresolved", &b.escalate_unresolved},
        {"escalate_after_deflection", &b.escalate_after_deflection},
        {"escalate_despite_answer", &b.escalate_despite_answer}};
    for (const auto& [key, out] : probabilities) read_probability(node, key, *out);
    b.click_rank = read_weighted(node["click_rank"], "behaviour.click_rank");
    for (const auto& rank : b.click_rank.names)
        if (rank.find_first_not_of("0123456789") != std::string::npos || rank == "0")
            throw std::runtime_error("behaviour.click_rank: ranks are 1, 2, 3, ...");
    return b;
}

inline Question read_question(const YAML::Node& node) {
    Question q;
    q.name = node["name"].as<std::string>("");
    if (q.name.empty()) throw std::runtime_error("every question needs a name");
    auto where = "question `" + q.name + "`: ";
    if (node["article"]) q.article = node["article"].as<std::string>();
    if (node["article_locales"]) q.article_locales = node["article_locales"].as<std::vector<std::string>>();
    if (node["article_tiers"]) q.article_tiers = node["article_tiers"].as<std::vector<std::string>>();
    q.weight = node["weight"].as<double>(1.0);
    q.growth = node["growth"].as<double>(0.0);
    q.held_out = node["held_out"].as<bool>(false);
    if (q.weight < 0 || q.growth < 0) throw std::runtime_error(where + "weight and growth cannot be negative");
    if (node["routes"]) q.routes = node["routes"].as<std::vector<std::string>>();
    for (const auto& route : q.routes)
        if (route.empty() || route.front() != '/') throw std::runtime_error(where + "routes start with '/'");
    if (!node["ask"] || !node["ask"].IsMap()) throw std::runtime_error(where + "ask: phrasings by locale are missing");
    for (const auto& entry : node["ask"]) {
        auto list = entry.second.as<std::vector<std::string>>();
        list.erase(std::remove_if(list.begin(), list.end(), [](const std::string& s) { return s.empty(); }),
                   list.end());
        if (!list.empty()) q.phrasings[entry.first.as<std::string>()] = std::move(list);
    }
    return q;
}

inline void read_text(const YAML::Node& node, Scenario& scenario) {
    if (!node) return;
    for (const auto& entry : node) {
        LocaleText text;
        const YAML::Node& body = entry.second;
        if (body["comments"]) text.comments = body["comments"].as<std::vector<std::string>>();
        if (body["ticket"]) text.ticket = body["ticket"].as<std::vector<std::string>>();
        if (body["personal"]) text.personal = body["personal"].as<std::vector<std::string>>();
        scenario.text[entry.first.as<std::string>()] = std::move(text);
    }
}

inline void read_timing(const YAML::Node& node, Timing& timing) {
    if (!node) return;
    read_range(node, "keystroke", timing.keystroke);
    read_range(node, "read_results", timing.read_results);
    read_range(node, "read_article", timing.read_article);
    read_range(node, "between_questions", timing.between_questions);
    if (node["busy_hours"]) {
        timing.busy_hours = node["busy_hours"].as<std::vector<double>>();
        if (timing.busy_hours.size() != 24)
            throw std::runtime_error("timing.busy_hours needs 24 values, one per UTC hour");
    }
}

}  // namespace scenario_detail

/// Reads and validates a scenario file. Throws std::runtime_error naming the file (and line, for
/// YAML syntax) when it cannot be used.
inline Scenario load_scenario(const std::filesystem::path& file) {
    using namespace scenario_detail;
    try {
        const YAML::Node root = YAML::LoadFile(file.string());
        Scenario s;
        s.locales = read_weighted(root["customers"]["locales"], "customers.locales");
        s.tiers = read_weighted(root["customers"]["tiers"], "customers.tiers");
        s.questions_per_customer =
            read_weighted(root["customers"]["questions_per_customer"], "customers.questions_per_customer");
        s.entry = read_weighted(root["entry"], "entry");
        for (const auto& name : s.entry.names)
            if (name != "search" && name != "typing" && name != "contact")
                throw std::runtime_error("entry: `" + name + "` is not search, typing or contact");
        s.behaviour = read_behaviour(root["behaviour"]);
        if (const auto v = root["variation"]) {
            read_probability(v, "drop_accents", s.variation.drop_accents);
            read_probability(v, "typo", s.variation.typo);
            read_probability(v, "personal_data", s.variation.personal_data);
        }
        if (root["escalation_channels"])
            s.escalation_channels = root["escalation_channels"].as<std::map<std::string, std::string>>();
        read_timing(root["timing"], s.timing);
        read_text(root["text"], s);
        for (const auto& node : root["questions"]) s.questions.push_back(read_question(node));
        for (const auto& locale : s.locales.names) {
            const bool asked = std::any_of(s.questions.begin(), s.questions.end(),
                                           [&](const Question& q) { return q.phrasings.count(locale) > 0; });
            if (!asked) throw std::runtime_error("no question has phrasings for customers of locale " + locale);
        }
        return s;
    } catch (const YAML::Exception& e) {
        const std::string line = e.mark.is_null() ? "" : ":" + std::to_string(e.mark.line + 1);
        throw std::runtime_error(file.string() + line + ": " + e.msg);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
    }
}

}  // namespace anticipa::traffic
