#include "analysis/analysis_profile.h"

#include "common/locale_tag.h"

#include <xapian.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace anticipa::analysis {

namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& text) {
    auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return "";
    return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

/// Lines of a word-list file without comments ("# ...") and blank lines.
std::vector<std::string> read_lines(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot read the file");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        line = trim(line.substr(0, line.find('#')));
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

std::vector<std::string> split_commas(const std::string& line) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= line.size()) {
        std::size_t comma = line.find(',', start);
        std::string part = trim(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (!part.empty()) parts.push_back(part);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return parts;
}

bool stemmer_exists(const std::string& language) {
    try {
        Xapian::Stem stem(language);
        return true;
    } catch (const Xapian::InvalidArgumentError&) {
        return false;
    }
}

}  // namespace

AnalysisProfile default_analysis_profile(const std::string& locale) {
    AnalysisProfile profile;
    profile.locale = locale;
    profile.source = "defaults";
    std::string language = language_of(locale);
    profile.stemmer = stemmer_exists(language) ? language : "none";
    profile.fold_chinese_script = language == "zh";
    return profile;
}

AnalysisProfile load_analysis_profile(const fs::path& locales_dir, const std::string& locale) {
    fs::path folder;
    for (const std::string& candidate : {locale, language_of(locale)}) {
        if (fs::exists(locales_dir / candidate / "analysis.yaml")) {
            folder = locales_dir / candidate;
            break;
        }
    }
    AnalysisProfile profile = default_analysis_profile(locale);
    if (folder.empty()) return profile;

    const fs::path settings = folder / "analysis.yaml";
    profile.source = folder.generic_string();
    try {
        YAML::Node yaml = YAML::LoadFile(settings.string());
        if (yaml["stemmer"]) profile.stemmer = yaml["stemmer"].as<std::string>();
        if (yaml["split_apostrophes"]) profile.split_apostrophes = yaml["split_apostrophes"].as<bool>();
        if (yaml["fold_chinese_script"]) profile.fold_chinese_script = yaml["fold_chinese_script"].as<bool>();
        if (yaml["stopwords"]) profile.stopwords = read_lines(folder / yaml["stopwords"].as<std::string>());
        if (yaml["synonyms"])
            for (const auto& line : read_lines(folder / yaml["synonyms"].as<std::string>())) {
                auto group = split_commas(line);
                if (group.size() >= 2) profile.synonym_groups.push_back(std::move(group));
            }
    } catch (const YAML::Exception& e) {
        throw std::runtime_error(settings.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    if (profile.stemmer != "none" && !stemmer_exists(profile.stemmer))
        throw std::runtime_error(settings.string() + ": Xapian has no stemmer `" + profile.stemmer + "`");
    return profile;
}

std::string profile_to_json(const AnalysisProfile& profile) {
    return nlohmann::json{{"locale", profile.locale},
                          {"source", profile.source},
                          {"stemmer", profile.stemmer},
                          {"stopwords", profile.stopwords},
                          {"synonym_groups", profile.synonym_groups},
                          {"split_apostrophes", profile.split_apostrophes},
                          {"fold_chinese_script", profile.fold_chinese_script}}
        .dump();
}

AnalysisProfile profile_from_json(const std::string& text) {
    try {
        const auto json = nlohmann::json::parse(text);
        AnalysisProfile profile;
        json.at("locale").get_to(profile.locale);
        json.at("source").get_to(profile.source);
        json.at("stemmer").get_to(profile.stemmer);
        json.at("stopwords").get_to(profile.stopwords);
        json.at("synonym_groups").get_to(profile.synonym_groups);
        json.at("split_apostrophes").get_to(profile.split_apostrophes);
        json.at("fold_chinese_script").get_to(profile.fold_chinese_script);
        return profile;
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("not an analysis profile: ") + e.what());
    }
}

std::vector<std::string> profile_differences(const AnalysisProfile& ours, const AnalysisProfile& theirs) {
    std::vector<std::string> differences;
    if (ours.stemmer != theirs.stemmer) differences.push_back("stemmer " + ours.stemmer + ", not " + theirs.stemmer);
    if (ours.split_apostrophes != theirs.split_apostrophes) differences.push_back("apostrophe splitting");
    if (ours.fold_chinese_script != theirs.fold_chinese_script) differences.push_back("Chinese script folding");
    if (ours.stopwords != theirs.stopwords) differences.push_back("stop words");
    if (ours.synonym_groups != theirs.synonym_groups) differences.push_back("synonyms");
    return differences;
}

std::string describe_profile(const AnalysisProfile& profile) {
    std::string text = profile.source + " (stemmer " + profile.stemmer + ", " +
                       std::to_string(profile.stopwords.size()) + " stop words, " +
                       std::to_string(profile.synonym_groups.size()) + " synonym groups";
    if (profile.split_apostrophes) text += ", apostrophes split";
    if (profile.fold_chinese_script) text += ", Traditional folded to Simplified";
    return text + ")";
}

}  // namespace anticipa::analysis
