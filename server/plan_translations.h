// Server: the translation table /admin's content plans group languages with. `anticipa index`
// stores it beside the index (gaps/stored_translations.h); when that one was learned from other
// articles or another revision (an article edited since, a replica's index), it is learned here,
// which reads every article and the FreeDict dictionaries (most of a report's cost). Either way it
// is taken once per change of the articles or of the served index, not per page load, and first
// in the background at start-up so the first /admin does not wait for it.
#pragma once

#include "gaps/translation_table.h"
#include "search/search_service.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace anticipa::server {

class PlanTranslations {
  public:
    PlanTranslations(std::filesystem::path articles_dir, std::filesystem::path index_dir,
                     search::SearchService& search);
    ~PlanTranslations();
    PlanTranslations(const PlanTranslations&) = delete;
    PlanTranslations& operator=(const PlanTranslations&) = delete;

    /// Learns the table on a thread of its own; a failure is left for current() to report.
    void warm_up();
    /// The table of the articles and index as they are now: the one learned before when neither
    /// changed, else learned again (callers meanwhile wait for it rather than learn it twice).
    /// Null when there is no articles folder (a replica holding only the index). Throws
    /// std::runtime_error naming the file when the articles' anticipa.yaml is invalid.
    std::shared_ptr<const gaps::Translations> current();

  private:
    const std::filesystem::path articles_dir_, index_dir_;
    search::SearchService& search_;
    std::mutex mutex_;  ///< held while learning
    std::string learned_from_;
    std::shared_ptr<const gaps::Translations> table_;
    std::thread warming_;
};

}  // namespace anticipa::server
