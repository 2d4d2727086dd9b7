// Article stage: a folder of Markdown files -> loaded articles, each file on its own.
// One broken file is reported and never stops the others.
#pragma once

#include "article/article.h"
#include "common/problem.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace anticipa::article {

enum class Layout {
    LOCALE_FOLDERS,  ///< articles/<locale>/**/*.md: the folder gives the locale
    FLAT,            ///< any folder of *.md whose front matter gives the locale (judged collections)
};

struct LoadOptions {
    std::filesystem::path root = "articles";
    Layout layout = Layout::LOCALE_FOLDERS;
    /// Larger files are refused: no help article is that long, and cmark 0.30.2 has inputs whose
    /// parse time grows quadratically.
    std::size_t max_article_bytes = 256 * 1024;
    /// A file whose Markdown takes longer than this to parse is reported and skipped.
    std::chrono::milliseconds parse_budget{2000};
};

/// One file as found on disk: the article when it loaded, and whatever was wrong with it.
struct LoadedFile {
    std::string path;                ///< relative to the root: "pt/account/senha.md"
    std::string display_path;        ///< as the writer knows it: "articles/pt/account/senha.md"
    std::string locale;              ///< from the folder (or front matter); "" when unknown
    std::string content_hash;        ///< of the raw bytes; "" when unreadable
    std::size_t bytes = 0;           ///< file size
    std::optional<Article> article;  ///< empty when the file has errors or is unchanged
    bool unchanged = false;          ///< the caller already has this content (see load_article_file)
    std::vector<Problem> problems;
};

/// The *.md files below the root, relative to it and sorted, with problems about the folder.
struct ArticleFiles {
    std::vector<std::filesystem::path> files;
    std::vector<Problem> problems;
};

struct LoadedArticles {
    std::vector<LoadedFile> files;  ///< sorted by path
    std::vector<Problem> problems;  ///< about the folder itself (missing, symlinks, stray files)
};

/// Lists the article files: hidden entries skipped, symlinks leading outside the root refused.
ArticleFiles list_article_files(const LoadOptions& options);

/// Says whether a file with this content hash is already known, so it need not be parsed.
using UnchangedTest = std::function<bool(const std::string& content_hash)>;

/// Loads one file; `relative` is its path below the root. When `is_unchanged` says the content
/// is known, returns right after hashing with `unchanged` set.
LoadedFile load_article_file(const LoadOptions& options, const std::filesystem::path& relative,
                             const UnchangedTest& is_unchanged = {});

/// Lists and loads every file. Never throws for a bad file.
LoadedArticles load_articles(const LoadOptions& options);

}  // namespace anticipa::article
