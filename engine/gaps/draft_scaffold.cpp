// Gaps stage, step 4: top gaps -> draft articles a writer can start from. The front matter holds
// what customers typed (title, questions) and the gap key; the body only tells the writer what to
// write, so nothing in a draft pretends to be an answer.
#include "gaps/draft_scaffold.h"

#include "article/front_matter.h"
#include "article/slug.h"
#include "common/icu_check.h"
#include "common/locale_tag.h"
#include "common/utf8.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>

namespace anticipa::gaps {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t MAX_QUESTIONS = 5;
/// File names stay well under the 255-byte limit even in scripts of three bytes a character.
constexpr std::size_t MAX_SLUG_BYTES = 80;

/// A query as one clean line: control characters (a pasted newline, a tab) become spaces and
/// runs of spaces one, so it can stand as a title and as a one-line YAML value.
std::string one_line(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = static_cast<unsigned char>(c) < 0x20 || c == ' ' || c == 0x7F;
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

/// "Reset Password" and "reset password" are one question; case folding is ICU's, so "SENHA"
/// and "senha" or "Straße" and "STRASSE" collapse too.
std::string dedup_key(const std::string& text) {
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
    unicode.foldCase();
    std::string out;
    unicode.toUTF8String(out);
    return out;
}

/// "como redefinir a senha" -> "Como redefinir a senha"; scripts without case stay as they are.
std::string capitalised(const std::string& text) {
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
    if (unicode.isEmpty()) return text;
    const UChar32 first = unicode.char32At(0);
    icu::UnicodeString result(u_totitle(first));
    result.append(unicode, U16_LENGTH(first), unicode.length() - U16_LENGTH(first));
    std::string out;
    result.toUTF8String(out);
    return out;
}

/// A question asked in several languages is written once, in the help center's source language
/// (`source_language`, "" when unknown), and translated from there as every article is. Else the
/// locale most of the group's customers searched in (ties: the first in tag order), else the
/// locale of its top phrasing, else the one in its key ("pt:redefin senh").
std::string draft_locale(const QuestionGroup& gap, const std::string& source_language) {
    std::set<std::string> languages;
    for (const auto& [locale, searches] : gap.locales) languages.insert(language_of(locale));
    if (languages.size() > 1 && !source_language.empty()) return known_locale(source_language).value_or("");
    std::string best;
    std::size_t most = 0;
    for (const auto& [locale, searches] : gap.locales)
        if (searches > most) {
            best = locale;
            most = searches;
        }
    if (best.empty() && !gap.phrasings.empty()) best = gap.phrasings.front().locale;
    if (best.empty()) best = gap.key.substr(0, gap.key.find(':'));
    return known_locale(best).value_or("");
}

struct DraftText {
    std::string title;
    std::vector<std::string> questions;
    bool script_converted = false;  ///< Chinese written in the folder's script by ICU, not by a person
};

/// Chinese in Traditional characters: Taiwan, Hong Kong, Macao, or an explicit Hant script.
bool traditional_chinese(const std::string& locale) {
    return locale.find("-TW") != std::string::npos || locale.find("-HK") != std::string::npos ||
           locale.find("-MO") != std::string::npos || locale.find("-Hant") != std::string::npos;
}

/// zh-CN customers typed Simplified; a draft in zh-TW/ must be Traditional to be published there
/// (and the other way round). ICU's transliterators, the ones the analyzer folds with, convert
/// character by character: "发" may be 發 or 髮, so the draft tells the writer to check.
void convert_chinese_script(DraftText& draft, const std::string& folder_locale) {
    const char* id = traditional_chinese(folder_locale) ? "Simplified-Traditional" : "Traditional-Simplified";
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> convert(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    check_icu(status, "creating the Chinese script transliterator for a draft");
    auto in_script = [&](std::string& text) {
        icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
        convert->transliterate(unicode);
        std::string converted;
        unicode.toUTF8String(converted);
        if (converted != text) draft.script_converted = true;
        text = std::move(converted);
    };
    in_script(draft.title);
    for (std::string& question : draft.questions) in_script(question);
}

/// Title and questions from the phrasings in the draft's language (most common first; "pt-BR"
/// customers read "pt" articles). A group whose kept phrasings are all in other languages gets
/// its label as title and no questions: questions in another language would be indexed as if
/// they were this one's words.
DraftText draft_text(const QuestionGroup& gap, const std::string& locale) {
    const std::string language = language_of(locale);
    std::vector<std::string> texts;
    for (const auto& phrasing : gap.phrasings)
        if (language_of(phrasing.locale) == language) texts.push_back(one_line(phrasing.text));
    if (texts.empty()) texts.push_back(one_line(gap.label));
    DraftText draft;
    std::set<std::string> seen;
    for (const auto& text : texts) {
        if (text.empty() || !seen.insert(dedup_key(text)).second) continue;
        if (draft.title.empty()) draft.title = capitalised(text);
        else if (draft.questions.size() < MAX_QUESTIONS) draft.questions.push_back(text);
    }
    return draft;
}

/// Cuts a long slug at its last hyphen within the limit (or at a code point), never mid-character.
std::string file_slug(const std::string& title) {
    std::string slug = article::slugify(title);
    if (slug.size() <= MAX_SLUG_BYTES) return slug;
    const std::size_t cut = character_start(slug, MAX_SLUG_BYTES);
    const std::size_t hyphen = slug.rfind('-', cut);
    return slug.substr(0, hyphen != std::string::npos && hyphen > MAX_SLUG_BYTES / 2 ? hyphen : cut);
}

/// "pt 6, en 2": most searches first.
std::string locale_summary(const QuestionGroup& gap) {
    std::vector<std::pair<std::string, std::size_t>> sorted(gap.locales.begin(), gap.locales.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.second > b.second; });
    std::string text;
    for (const auto& [locale, searches] : sorted)
        text += (text.empty() ? "" : ", ") + locale + " " + std::to_string(searches);
    return text.empty() ? "unknown" : text;
}

/// Article ids as the front matter allows them ("account/reset-password"). Ids arrive with the
/// events, so anything else (a "-->" that would end the comment early) is left out.
bool is_plain_id(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '/' || c == '-';
    });
}

/// The whole file. Evidence for the writer goes in YAML and HTML comments: neither is indexed
/// nor shown. The body keeps two lines of text so the draft passes the checker's empty_article.
std::string draft_markdown(const QuestionGroup& gap, const std::string& locale, const DraftText& draft) {
    std::string md = "---\n";
    md += "# Drafted by `anticipa gaps --scaffold`: " + std::to_string(gap.unresolved) + " unresolved of " +
          std::to_string(gap.searches) + " searches (" + std::to_string(gap.no_results) + " no results, " +
          std::to_string(gap.no_click) + " no click, " + std::to_string(gap.not_helpful) + " not helpful, " +
          std::to_string(gap.escalated) + " escalated).\n";
    md += "# Customers' locales: " + locale_summary(gap) + ".\n";
    md += "title: " + article::yaml_quoted(draft.title) + "\n";
    md += "locale: " + locale + "\n";
    md += "status: draft\n";
    md += "# Keep `gap:` when you publish: `anticipa gaps --verify` replays what customers typed.\n";
    md += "gap: " + article::yaml_quoted(gap.key) + "\n";
    if (!draft.questions.empty()) {
        md += "questions:\n";
        for (const auto& question : draft.questions) md += "  - " + article::yaml_quoted(question) + "\n";
    }
    md += "tags: []\n";
    md += "---\n\n";
    md +=
        "<!--\nFor the writer: the title and questions above are what customers typed. Reword the title as\n"
        "a clear task, keep the questions (they are searched with high weight), add tags and a category,\n"
        "then set `status: published`. The file name becomes the article id; rename the file (or set\n"
        "`id:`) to match translations that already exist.\n";
    if (draft.script_converted)
        md +=
            "Customers typed the title and questions in the other Chinese script; they were converted to this\n"
            "folder's script character by character. Check each character (发 may be 發 or 髮) before publishing.\n";
    if (!gap.shown_not_helpful.empty()) {
        md += "Articles customers were shown that did not help (link to them, or fix them):\n";
        for (const auto& [article_id, times] : gap.shown_not_helpful)
            if (is_plain_id(article_id)) md += "  " + article_id + "  (" + std::to_string(times) + " times)\n";
    }
    md += "-->\n\n";
    md += "TODO: answer the question in one or two sentences, in the words customers used.\n\n";
    md += "## TODO: steps\n\n";
    md += "TODO: one numbered step per action, naming the exact buttons and menus.\n";
    return md;
}

/// Creates the file only if it does not exist yet ("x": O_EXCL), so a draft a writer already
/// started, or an article with the same name, is never overwritten, even by a concurrent run.
std::string write_new_file(const fs::path& file, const std::string& content) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) return file.generic_string() + ": cannot create its folder: " + ec.message();
    std::FILE* out = std::fopen(file.c_str(), "wx");
    if (!out) return file.generic_string() + ": " + (errno == EEXIST ? "already exists" : std::strerror(errno));
    const bool written = std::fwrite(content.data(), 1, content.size(), out) == content.size();
    const bool closed = std::fclose(out) == 0;
    if (!written || !closed) {
        fs::remove(file, ec);  // a half-written draft would fail `anticipa check`
        return file.generic_string() + ": could not be written completely";
    }
    return "";
}

}  // namespace

/// The locale folder of `dir` a draft in `locale` belongs in: its own when the help center has
/// it, else the help center's folder for the same language (zh-CN customers, a zh-TW help
/// center: zh-TW/, which also reads their Simplified queries), else its own, new.
std::string folder_locale(const fs::path& dir, const std::string& locale) {
    std::error_code ec;
    if (fs::is_directory(dir / locale, ec)) return locale;
    std::vector<std::string> same_language;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        auto tag = canonical_locale(entry.path().filename().string());
        if (entry.is_directory(ec) && tag && language_of(*tag) == language_of(locale)) same_language.push_back(*tag);
    }
    if (same_language.empty()) return locale;
    std::sort(same_language.begin(), same_language.end());
    return same_language.front();
}

ScaffoldResult scaffold_drafts(const GapsReport& report, const fs::path& dir, std::size_t count) {
    ScaffoldResult result;
    const std::size_t drafts = std::min(count, report.gaps.size());
    for (std::size_t i = 0; i < drafts; ++i) {
        const QuestionGroup& gap = report.gaps[i];
        const std::string locale = folder_locale(dir, draft_locale(gap, report.source_language));
        if (locale.empty()) {
            result.skipped.push_back("gap `" + gap.key + "`: no known locale to write it in");
            continue;
        }
        DraftText draft = draft_text(gap, locale);
        if (language_of(locale) == "zh") convert_chinese_script(draft, locale);
        if (draft.title.empty()) {
            result.skipped.push_back("gap `" + gap.key + "`: no phrasing to take a title from");
            continue;
        }
        const fs::path file = dir / locale / (file_slug(draft.title) + ".md");
        if (std::string failure = write_new_file(file, draft_markdown(gap, locale, draft)); !failure.empty())
            result.skipped.push_back(std::move(failure));
        else result.written.push_back(file);
    }
    return result;
}

}  // namespace anticipa::gaps
