#include "plan_translations.h"

#include "common/content_hash.h"

namespace anticipa::server {

namespace fs = std::filesystem;

PlanTranslations::PlanTranslations(fs::path articles_dir, search::SearchService& search)
    : articles_dir_(std::move(articles_dir)), search_(search) {}

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

std::string PlanTranslations::sources_fingerprint() const {
    std::string listing = search_.status().revision + "\n";
    std::error_code error;
    for (fs::recursive_directory_iterator it(articles_dir_, error), end; !error && it != end; it.increment(error)) {
        if (!it->is_regular_file(error)) continue;
        listing += it->path().lexically_relative(articles_dir_).generic_string() + " " +
                   std::to_string(it->file_size(error)) + " " +
                   std::to_string(it->last_write_time(error).time_since_epoch().count()) + "\n";
    }
    return content_hash(listing);
}

std::shared_ptr<const gaps::Translations> PlanTranslations::current() {
    std::error_code error;
    if (!fs::is_directory(articles_dir_, error)) return nullptr;
    const std::string fingerprint = sources_fingerprint();
    std::lock_guard lock(mutex_);
    if (table_ && fingerprint == learned_from_) return table_;
    const gaps::DictionaryOptions dictionaries;
    table_ = std::make_shared<const gaps::Translations>(
        gaps::load_help_center_translations(articles_dir_, search_.analyzers(), &dictionaries));
    learned_from_ = fingerprint;
    return table_;
}

}  // namespace anticipa::server
