#include "article/help_center_config.h"

#include "common/locale_tag.h"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

namespace anticipa::article {

namespace {

std::string locale_setting(const YAML::Node& node, const std::string& file) {
    std::string value = node.as<std::string>();
    auto canonical = known_locale(value);
    if (!canonical)
        throw std::runtime_error(file + ":" + std::to_string(node.Mark().line + 1) + ": `" + value +
                                 "` is not a locale tag like en or pt-BR");
    return *canonical;
}

}  // namespace

HelpCenterConfig load_help_center_config(const std::filesystem::path& articles_dir) {
    HelpCenterConfig config;
    const auto file = articles_dir / "anticipa.yaml";
    if (!std::filesystem::exists(file)) return config;
    const std::string name = file.generic_string();
    try {
        YAML::Node yaml = YAML::LoadFile(file.string());
        if (yaml["default_locale"]) config.default_locale = locale_setting(yaml["default_locale"], name);
        if (yaml["source_locale"]) config.source_locale = locale_setting(yaml["source_locale"], name);
        if (yaml["locales"])
            for (const auto& node : yaml["locales"]) config.locales.push_back(locale_setting(node, name));
        if (yaml["max_article_kib"]) config.max_article_bytes = yaml["max_article_kib"].as<std::size_t>() * 1024;
        if (yaml["parse_budget_ms"])
            config.parse_budget = std::chrono::milliseconds(yaml["parse_budget_ms"].as<long>());
        if (yaml["learned_block_list"])
            config.learned_block_list = yaml["learned_block_list"].as<std::vector<std::string>>();
    } catch (const YAML::Exception& e) {
        throw std::runtime_error(name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    return config;
}

}  // namespace anticipa::article
