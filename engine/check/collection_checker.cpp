#include "check/collection_checker.h"

#include "common/locale_tag.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

namespace anticipa::check {

namespace fs = std::filesystem;
using article::Article;
using article::LoadedFile;

namespace {

bool is_external(const std::string& url) {
    return url.find("://") != std::string::npos || url.starts_with("mailto:") || url.starts_with("tel:") ||
           url.starts_with("//");
}

/// "two%20factor.md" -> "two factor.md": links are URLs, files are not.
std::string percent_decode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

bool has_anchor(const Article& article, const std::string& anchor) {
    return std::any_of(article.sections.begin(), article.sections.end(),
                       [&](const article::Section& s) { return s.anchor == anchor; });
}

class Checker {
  public:
    Checker(const CheckOptions& options, const std::vector<LoadedFile>& files, std::vector<Problem>& problems)
        : options_(options), files_(files), problems_(problems) {
        for (const auto& file : files_) {
            by_path_[file.path] = &file;
            // The first file with an id owns it; duplicate_ids() reports the others.
            if (file.article) by_id_[file.article->meta.id].try_emplace(file.locale, &*file.article);
        }
    }

    void duplicate_ids() {
        std::map<std::pair<std::string, std::string>, const LoadedFile*> owners;
        for (const auto& file : files_) {
            if (!file.article) continue;
            auto [owner, fresh] = owners.emplace(std::pair{file.locale, file.article->meta.id}, &file);
            if (!fresh)
                error(file.display_path, file.article->meta.id_line, "duplicate_id",
                      "id `" + file.article->meta.id + "` is already used by " + owner->second->display_path +
                          " in locale " + file.locale + "; give one of them another id");
        }
    }

    void links() {
        for (const auto& file : files_) {
            if (!file.article) continue;
            for (const auto& link : file.article->links) check_link(file, link);
        }
    }

    void translations() {
        for (const auto& [id, versions] : by_id_) {
            bool published =
                std::any_of(versions.begin(), versions.end(), [](auto& v) { return !v.second->meta.draft; });
            if (!published) continue;  // drafts are not translated yet
            std::string present;
            for (const auto& [locale, article] : versions) present += (present.empty() ? "" : ", ") + locale;
            const Article& any = *versions.begin()->second;
            bool local_only =
                std::any_of(versions.begin(), versions.end(), [](auto& v) { return !v.second->meta.translate; });
            for (const auto& locale : options_.locales)
                if (!local_only && !versions.count(locale))
                    warn(display(any), 0, "missing_translation",
                         "article `" + id + "` has no " + locale + " translation (it exists in " + present + ")");
            stale_translations(versions);
        }
    }

    /// A language with articles but no messages.yaml still gets pages, in the default locale's
    /// words ("Search" on a German page): the writer should know, and can add the file.
    void ui_strings() {
        std::error_code error;
        if (options_.locales_dir.empty() || !fs::is_directory(options_.locales_dir, error)) return;
        std::set<std::string> languages;
        for (const auto& entry : fs::directory_iterator(options_.locales_dir, error))
            if (fs::is_regular_file(entry.path() / "messages.yaml", error))
                languages.insert(language_of(entry.path().filename().string()));
        std::set<std::string> warned;
        for (const auto& file : files_) {
            if (file.locale.empty() || languages.count(language_of(file.locale))) continue;
            if (!warned.insert(file.locale).second) continue;
            const std::string folder = (options_.load.root / file.locale).lexically_normal().generic_string();
            const std::string strings = (options_.locales_dir / file.locale / "messages.yaml").generic_string();
            warn(folder, 0, "no_ui_strings",
                 "locale " + file.locale + " has articles but no " + strings +
                     ": its pages show the default locale's words (menus, buttons); add the file to translate them");
        }
    }

  private:
    void stale_translations(const std::map<std::string, const Article*>& versions) {
        auto source = versions.find(options_.source_locale);
        if (source == versions.end()) return;
        const Article& original = *source->second;
        for (const auto& [locale, translation] : versions) {
            if (locale == options_.source_locale) continue;
            const std::string& recorded = translation->meta.source_revision;
            if (recorded.empty()) {
                warn(display(*translation), 1, "no_source_revision",
                     "translation of " + display(original) +
                         " does not say which revision it was made from; add "
                         "`source_revision: " +
                         original.revision + "` once it matches the source");
            } else if (recorded != original.revision) {
                warn(display(*translation), 1, "stale_translation",
                     "translated from revision " + recorded + " of " + display(original) + ", which is now at " +
                         original.revision +
                         "; update the translation, then set `source_revision: " + original.revision + "`");
            }
        }
    }

    void check_link(const LoadedFile& file, const article::Link& link) {
        const std::string& url = link.target;
        // Other sites and product pages ("/settings/security") are not articles to check.
        if (url.empty() || is_external(url) || url.starts_with("/")) return;
        const auto hash = url.find('#');
        std::string path = percent_decode(url.substr(0, std::min(url.find('?'), hash)));
        std::string anchor = hash == std::string::npos ? "" : percent_decode(url.substr(hash + 1));
        const Article* target = &*file.article;
        std::string target_name = file.display_path;
        if (!path.empty()) {
            fs::path resolved = (fs::path(file.path).parent_path() / path).lexically_normal();
            std::string relative = resolved.generic_string();
            if (relative.starts_with("..") || resolved.is_absolute()) {
                error(file.display_path, link.line, "broken_link",
                      "link `" + url + "` leads outside the articles folder");
                return;
            }
            auto found = by_path_.find(relative);
            if (found == by_path_.end()) {
                error(file.display_path, link.line, "broken_link",
                      "link `" + url + "` points to " + (options_.load.root / relative).generic_string() +
                          ", which does not exist");
                return;
            }
            target = found->second->article ? &*found->second->article : nullptr;
            target_name = found->second->display_path;
        }
        if (!anchor.empty() && target && !has_anchor(*target, anchor))
            error(file.display_path, link.line, "broken_anchor",
                  "link `" + url + "`: " + target_name + " has no section `#" + anchor + "`");
    }

    std::string display(const Article& article) const {
        return (options_.load.root / article.path).lexically_normal().generic_string();
    }
    void error(const std::string& file, int line, std::string code, std::string message) {
        problems_.push_back({Severity::ERROR, std::move(code), std::move(message), file, line});
    }
    void warn(const std::string& file, int line, std::string code, std::string message) {
        problems_.push_back({Severity::WARNING, std::move(code), std::move(message), file, line});
    }

    const CheckOptions& options_;
    const std::vector<LoadedFile>& files_;
    std::vector<Problem>& problems_;
    std::map<std::string, const LoadedFile*> by_path_;
    std::map<std::string, std::map<std::string, const Article*>> by_id_;  ///< id -> locale -> article
};

}  // namespace

CheckReport check_articles(const CheckOptions& options) {
    article::LoadedArticles loaded = article::load_articles(options.load);
    CheckReport report;
    report.files = loaded.files.size();
    report.problems = loaded.problems;
    for (const auto& file : loaded.files) {
        report.problems.insert(report.problems.end(), file.problems.begin(), file.problems.end());
        if (file.article) ++report.articles;
    }
    Checker checker(options, loaded.files, report.problems);
    checker.duplicate_ids();
    checker.links();
    checker.translations();
    checker.ui_strings();
    std::stable_sort(report.problems.begin(), report.problems.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.file, a.line) < std::tie(b.file, b.line);
    });
    return report;
}

}  // namespace anticipa::check
