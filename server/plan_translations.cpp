#include "plan_translations.h"

#include "gaps/stored_translations.h"

namespace anticipa::server {

namespace fs = std::filesystem;

PlanTranslations::PlanTranslations(fs::path articles_dir, fs::path index_dir, search::SearchService& search)
    : articles_dir_(std::move(articles_dir)), index_dir_(std::move(index_dir)), search_(search) {}

PlanTranslations::~PlanTranslations() {
    if (warming_.joinable()) warming_.join();
}

void PlanTranslations::warm_up() {
    warming_ = std::thread([this] {
        try {
            current();
        } catch (const std::exception&) {
            // The first /admin learns it again and shows the error, naming the file.
        }
    });
}

std::shared_ptr<const gaps::Translations> PlanTranslations::current() {
    std::error_code error;
    if (!fs::is_directory(articles_dir_, error)) return nullptr;
    const std::string sources = gaps::translation_sources(articles_dir_, search_.status().revision, {});
    std::lock_guard lock(mutex_);
    if (table_ && sources == learned_from_) return table_;
    table_ = std::make_shared<const gaps::Translations>(
        gaps::plan_translations(articles_dir_, index_dir_, sources, search_.analyzers()));
    learned_from_ = sources;
    return table_;
}

}  // namespace anticipa::server
