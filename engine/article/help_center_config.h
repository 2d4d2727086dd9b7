// Article stage settings: the help center's own settings, kept beside the articles in
// articles/anticipa.yaml so writers change them in the same pull request as the content.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace anticipa::article {

struct HelpCenterConfig {
    std::string default_locale = "en";  ///< answers when a locale has none
    std::string source_locale = "en";   ///< articles are written here first, then translated
    std::vector<std::string> locales;   ///< every article should exist in each of these
    std::size_t max_article_bytes = 256 * 1024;
    std::chrono::milliseconds parse_budget{2000};
    /// Phrases never learned (`learned_block_list:`): a customer phrasing holding one of them,
    /// as whole words, is not indexed with any article nor shown to writers as one to adopt.
    std::vector<std::string> learned_block_list;
};

/// Reads <articles_dir>/anticipa.yaml; defaults when the file does not exist. Throws
/// std::runtime_error naming the file and line when it is invalid.
HelpCenterConfig load_help_center_config(const std::filesystem::path& articles_dir);

}  // namespace anticipa::article
