#include "article/article_loader.h"

#include "article/front_matter.h"
#include "article/markdown.h"
#include "common/content_hash.h"
#include "common/locale_tag.h"
#include "common/utf8.h"

#include <algorithm>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

namespace anticipa::article {

namespace fs = std::filesystem;

namespace {

std::string display_of(const LoadOptions& options, const fs::path& relative) {
    return (options.root / relative).lexically_normal().generic_string();
}

bool is_hidden(const fs::path& relative) {
    for (const auto& part : relative)
        if (part.string().starts_with(".")) return true;
    return false;
}

/// Runs the Markdown parser on a worker thread and gives up waiting after the budget. cmark
/// cannot be interrupted, so an over-budget parse finishes in the background while the run goes
/// on; it owns its copy of the text and nothing of ours.
std::optional<MarkdownBody> parse_within_budget(std::string body, int first_line, std::chrono::milliseconds budget) {
    auto task = std::make_shared<std::packaged_task<MarkdownBody()>>(
        [body = std::move(body), first_line] { return parse_markdown(body, first_line); });
    auto result = task->get_future();
    std::thread([task] { (*task)(); }).detach();
    if (result.wait_for(budget) != std::future_status::ready) return std::nullopt;
    return result.get();
}

std::string kib(std::uintmax_t bytes) {
    return std::to_string((bytes + 1023) / 1024) + " KiB";
}

}  // namespace

LoadedFile load_article_file(const LoadOptions& options, const fs::path& relative, const UnchangedTest& is_unchanged) {
    LoadedFile file;
    file.path = relative.generic_string();
    file.display_path = display_of(options, relative);
    auto problem = [&](int line, std::string code, std::string message) {
        file.problems.push_back({Severity::ERROR, std::move(code), std::move(message), file.display_path, line});
    };

    std::string folder_locale;
    if (options.layout == Layout::LOCALE_FOLDERS) {
        std::string folder = relative.begin()->string();
        auto canonical = known_locale(folder);
        if (!canonical) {
            problem(0, "unknown_locale", "folder `" + folder + "` is not a known locale (use a tag like pt or zh-TW)");
            return file;
        }
        folder_locale = *canonical;
        file.locale = folder_locale;
    }

    const fs::path full = options.root / relative;
    std::error_code ec;
    auto size = fs::file_size(full, ec);
    if (ec) {
        problem(0, "unreadable", "cannot read the file: " + ec.message());
        return file;
    }
    if (size > options.max_article_bytes) {
        problem(0, "too_large",
                "file is " + kib(size) + ", over the limit of " + kib(options.max_article_bytes) +
                    "; split it into several articles");
        return file;
    }
    std::ifstream in(full, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in) {
        problem(0, "unreadable", "cannot read the file");
        return file;
    }
    const std::string bytes = buffer.str();
    file.bytes = bytes.size();
    file.content_hash = content_hash(bytes);
    if (is_unchanged && is_unchanged(file.content_hash)) {
        file.unchanged = true;
        return file;
    }

    if (auto nul = bytes.find('\0'); nul != std::string::npos) {
        problem(line_of_offset(bytes, nul), "binary_file", "file contains NUL bytes: it is not a text article");
        return file;
    }
    if (auto bad = find_invalid_utf8(bytes); bad != std::string::npos) {
        problem(line_of_offset(bytes, bad), "invalid_utf8",
                "invalid UTF-8 at byte " + std::to_string(bad) + "; save the file as UTF-8");
        return file;
    }

    std::string default_id = relative.generic_string();
    if (options.layout == Layout::LOCALE_FOLDERS)
        default_id = relative.lexically_relative(*relative.begin()).generic_string();
    if (default_id.ends_with(".md")) default_id.resize(default_id.size() - 3);

    FrontMatter front = parse_front_matter(bytes, {file.display_path, folder_locale, default_id});
    file.problems.insert(file.problems.end(), front.problems.begin(), front.problems.end());
    if (file.locale.empty()) file.locale = front.meta.locale;
    if (has_errors(file.problems)) return file;

    auto body = parse_within_budget(std::string(front.body), front.body_first_line, options.parse_budget);
    if (!body) {
        problem(0, "parse_timeout",
                "Markdown took longer than " + std::to_string(options.parse_budget.count()) +
                    " ms to parse (deeply nested or repeated markup?); skipped");
        return file;
    }
    Article article;
    article.meta = std::move(front.meta);
    article.path = file.path;
    article.content_hash = file.content_hash;
    article.revision = content_hash(front.body).substr(0, 12);
    article.sections = std::move(body->sections);
    article.links = std::move(body->links);
    for (const auto& renamed : body->renamed_anchors)
        file.problems.push_back({Severity::WARNING, "duplicate_heading",
                                 "an earlier heading has the same anchor, so `" + renamed.heading + "` is linked as #" +
                                     renamed.anchor + "; give it a distinct title or pin an anchor with {#name}",
                                 file.display_path, renamed.line});
    if (article.sections.empty()) {
        problem(front.body_first_line, "empty_article", "the article has no text below its front matter");
        return file;
    }
    file.article = std::move(article);
    return file;
}

ArticleFiles list_article_files(const LoadOptions& options) {
    ArticleFiles result;
    std::error_code ec;
    if (!fs::is_directory(options.root, ec)) {
        result.problems.push_back({Severity::ERROR, "missing_folder",
                                   "articles folder does not exist or is not a folder", options.root.string(), 0});
        return result;
    }
    const fs::path root = fs::canonical(options.root);
    for (auto it = fs::recursive_directory_iterator(options.root, ec); !ec && it != fs::end(it); it.increment(ec)) {
        const fs::path relative = it->path().lexically_relative(options.root);
        if (is_hidden(relative)) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_symlink()) {
            fs::path target = fs::weakly_canonical(it->path(), ec);
            auto inside = target.lexically_relative(root);
            if (ec || inside.empty() || *inside.begin() == "..") {
                result.problems.push_back(
                    {Severity::ERROR, "symlink_outside",
                     "symbolic link leads outside the articles folder (to " + target.string() + "); it is skipped",
                     display_of(options, relative), 0});
                ec.clear();
                continue;
            }
            if (fs::is_directory(target)) continue;  // links to folders inside are not walked twice
        }
        if (relative.extension() != ".md") continue;
        if (options.layout == Layout::LOCALE_FOLDERS && std::distance(relative.begin(), relative.end()) < 2) {
            result.problems.push_back({Severity::WARNING, "outside_locale",
                                       "not inside a locale folder (articles/<locale>/...); it is skipped",
                                       display_of(options, relative), 0});
            continue;
        }
        result.files.push_back(relative);
    }
    if (ec)
        result.problems.push_back(
            {Severity::ERROR, "unreadable", "cannot list the folder: " + ec.message(), options.root.string(), 0});
    std::sort(result.files.begin(), result.files.end());
    return result;
}

LoadedArticles load_articles(const LoadOptions& options) {
    ArticleFiles listed = list_article_files(options);
    LoadedArticles result;
    result.problems = std::move(listed.problems);
    for (const auto& relative : listed.files) result.files.push_back(load_article_file(options, relative));
    return result;
}

}  // namespace anticipa::article
