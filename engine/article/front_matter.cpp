#include "article/front_matter.h"

#include "article/yaml_message.h"

#include "common/closest_name.h"
#include "common/json_text.h"
#include "common/locale_tag.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <regex>

namespace anticipa::article {

namespace {

constexpr std::array KNOWN_KEYS{"id",     "title",     "locale",  "tags",    "category",        "tiers",
                                "status", "questions", "context", "updated", "source_revision", "translate",
                                "gap",    "learned"};

/// "2026-02-28" yes; "2026-13-01" and "2026-02-30" no.
bool is_calendar_date(const std::string& text) {
    std::smatch parts;
    static const std::regex DATE_PATTERN(R"((\d{4})-(\d{2})-(\d{2}))");
    if (!std::regex_match(text, parts, DATE_PATTERN)) return false;
    std::chrono::year_month_day date{std::chrono::year(std::stoi(parts[1])),
                                     std::chrono::month(static_cast<unsigned>(std::stoi(parts[2]))),
                                     std::chrono::day(static_cast<unsigned>(std::stoi(parts[3])))};
    return date.ok();
}

/// Collects problems against the file, translating YAML marks into file lines.
class MetaReader {
  public:
    MetaReader(const FrontMatterContext& context, std::vector<Problem>& problems)
        : context_(context), problems_(problems) {}

    void error(const YAML::Node& at, std::string code, std::string message) {
        add(Severity::ERROR, line_of(at), std::move(code), std::move(message));
    }
    void warn(int line, std::string code, std::string message) {
        add(Severity::WARNING, line, std::move(code), std::move(message));
    }
    void add(Severity severity, int line, std::string code, std::string message) {
        problems_.push_back({severity, std::move(code), std::move(message), context_.file, line});
    }
    static int line_of(const YAML::Node& node) { return node.Mark().line + 2; }  // after "---"

    bool scalar(const YAML::Node& node, const char* key, std::string& out) {
        if (!node.IsScalar()) {
            error(node, "invalid_type", std::string("`") + key + "` must be a single text value");
            return false;
        }
        out = node.Scalar();
        return true;
    }

    /// Accepts a list of texts, or one text as a list of one.
    bool list(const YAML::Node& node, const char* key, std::vector<std::string>& out) {
        if (node.IsScalar()) {
            out = {node.Scalar()};
            return true;
        }
        if (!node.IsSequence()) {
            error(node, "invalid_type", std::string("`") + key + "` must be a list of texts");
            return false;
        }
        for (const auto& item : node) {
            if (!item.IsScalar()) {
                error(item, "invalid_type", std::string("every entry of `") + key + "` must be a text");
                return false;
            }
            if (!item.Scalar().empty()) out.push_back(item.Scalar());
        }
        return true;
    }

  private:
    const FrontMatterContext& context_;
    std::vector<Problem>& problems_;
};

/// Compiled once: building a std::regex per file was a tenth of all indexing instructions.
const std::regex ID_PATTERN("[A-Za-z0-9][A-Za-z0-9._/-]*");

/// A true/false key; anything else is reported and leaves the default.
void read_flag(MetaReader& reader, const YAML::Node& value, const char* key, bool& flag) {
    std::string text;
    if (!reader.scalar(value, key, text)) return;
    if (text != "true" && text != "false")
        reader.error(value, "invalid_type", std::string("`") + key + "` must be true or false");
    flag = text != "false";
}

void read_key(MetaReader& reader, const std::string& key, const YAML::Node& value, ArticleMeta& meta) {
    if (key == "id") {
        meta.id_line = MetaReader::line_of(value);
        if (reader.scalar(value, "id", meta.id) && !std::regex_match(meta.id, ID_PATTERN)) {
            reader.error(value, "invalid_id",
                         "id `" + meta.id + "` may only use letters, digits, '.', '_', '-' and '/'");
            meta.id.clear();
        }
    } else if (key == "title") {
        reader.scalar(value, "title", meta.title);
    } else if (key == "locale") {
        reader.scalar(value, "locale", meta.locale);
    } else if (key == "tags") {
        reader.list(value, "tags", meta.tags);
    } else if (key == "category") {
        reader.scalar(value, "category", meta.category);
    } else if (key == "tiers") {
        std::vector<std::string> tiers;
        if (!reader.list(value, "tiers", tiers)) return;
        meta.tiers.clear();
        for (const auto& tier : tiers) {
            const auto& known = all_tiers();
            if (std::find(known.begin(), known.end(), tier) == known.end()) {
                reader.error(value, "invalid_tier",
                             "unknown tier `" + tier + "` (tiers are basic, standard and advanced)");
                return;
            }
            meta.tiers.push_back(tier);
        }
        if (meta.tiers.empty()) reader.error(value, "invalid_tier", "`tiers` is empty: nobody could read it");
    } else if (key == "status") {
        std::string status;
        if (!reader.scalar(value, "status", status)) return;
        if (status != "published" && status != "draft")
            reader.error(value, "invalid_status", "status `" + status + "` must be published or draft");
        meta.draft = status == "draft";
    } else if (key == "questions") {
        reader.list(value, "questions", meta.questions);
    } else if (key == "context") {
        reader.list(value, "context", meta.context);
    } else if (key == "updated") {
        if (reader.scalar(value, "updated", meta.updated) && !is_calendar_date(meta.updated))
            reader.error(value, "invalid_date", "`updated` must be a real date like 2026-10-01");
    } else if (key == "source_revision") {
        reader.scalar(value, "source_revision", meta.source_revision);
    } else if (key == "translate") {
        read_flag(reader, value, "translate", meta.translate);
    } else if (key == "learned") {
        read_flag(reader, value, "learned", meta.learned);
    } else if (key == "gap") {
        // The key of the question group from `anticipa gaps` ("en:password reset"); `--verify`
        // replays that group's logged phrasings to keep the gap closed.
        reader.scalar(value, "gap", meta.gap);
    }
}

}  // namespace

FrontMatter parse_front_matter(std::string_view text, const FrontMatterContext& context) {
    FrontMatter result;
    result.meta.tiers = all_tiers();
    result.meta.id = context.default_id;
    MetaReader reader(context, result.problems);

    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a BOM from some editors
    if (!(text.starts_with("---\n") || text.starts_with("---\r\n"))) {
        reader.add(Severity::ERROR, 1, "missing_front_matter",
                   "the file must start with front matter between `---` lines (at least a title)");
        return result;
    }
    // Find the closing line: "---" or "..." alone.
    std::size_t pos = text.find('\n') + 1, yaml_begin = pos, yaml_end = std::string_view::npos;
    int line = 2;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        std::string_view l = text.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (l == "---" || l == "...") {
            yaml_end = pos;
            pos = eol == std::string_view::npos ? text.size() : eol + 1;
            break;
        }
        if (eol == std::string_view::npos) break;
        pos = eol + 1;
        ++line;
    }
    if (yaml_end == std::string_view::npos) {
        reader.add(Severity::ERROR, 1, "unclosed_front_matter",
                   "front matter opened with `---` on line 1 is never closed with a `---` line");
        return result;
    }
    result.body = text.substr(pos);
    result.body_first_line = line + 1;

    YAML::Node root;
    try {
        root = YAML::Load(std::string(text.substr(yaml_begin, yaml_end - yaml_begin)));
    } catch (const YAML::Exception& e) {
        reader.add(Severity::ERROR, e.mark.line + 2, "invalid_yaml", "front matter: " + explain_yaml_error(e.msg));
        return result;
    }
    if (!root.IsMap()) {
        reader.add(Severity::ERROR, 2, "invalid_yaml", "front matter must be `key: value` lines");
        return result;
    }
    for (const auto& entry : root) {
        if (!entry.first.IsScalar()) {
            reader.error(entry.first, "invalid_key", "a front-matter key must be a plain word like `title`");
            continue;
        }
        std::string key = entry.first.Scalar();
        if (std::find(KNOWN_KEYS.begin(), KNOWN_KEYS.end(), key) == KNOWN_KEYS.end()) {
            std::string hint = closest_name(key, {KNOWN_KEYS.begin(), KNOWN_KEYS.end()});
            reader.warn(MetaReader::line_of(entry.first), "unknown_key",
                        "unknown front-matter key `" + key + "`" +
                            (hint.empty() ? " (it is ignored)" : " (did you mean `" + hint + "`?)"));
            continue;
        }
        read_key(reader, key, entry.second, result.meta);
    }
    if (result.meta.title.empty())
        reader.add(Severity::ERROR, 1, "missing_title", "front matter has no `title:`; every article needs one");
    if (result.meta.id.empty() && !has_errors(result.problems))
        reader.add(Severity::ERROR, 1, "missing_id", "front matter has no `id:` and none can be derived");

    // The folder decides the locale; a front-matter locale must agree with it.
    const int locale_line = root["locale"] ? MetaReader::line_of(root["locale"]) : 1;
    bool locale_reported = false;
    if (!result.meta.locale.empty()) {
        auto canonical = canonical_locale(result.meta.locale);
        if (!canonical) {
            reader.add(Severity::ERROR, locale_line, "invalid_locale",
                       "`locale: " + result.meta.locale + "` is not a BCP-47 tag like pt or pt-BR");
            locale_reported = true;
        } else if (!context.folder_locale.empty() && *canonical != context.folder_locale) {
            reader.add(Severity::ERROR, locale_line, "locale_mismatch",
                       "`locale: " + *canonical + "` does not match its locale folder " + context.folder_locale +
                           "/; move the file or fix the locale");
            locale_reported = true;
        }
        result.meta.locale = locale_reported ? "" : *canonical;
    }
    if (result.meta.locale.empty()) result.meta.locale = context.folder_locale;
    if (result.meta.locale.empty() && !locale_reported)
        reader.add(Severity::ERROR, 1, "missing_locale", "front matter has no `locale:`");
    else if (!result.meta.locale.empty() && !is_known_language(result.meta.locale))
        reader.add(Severity::ERROR, locale_line, "unknown_locale",
                   "locale `" + result.meta.locale + "` is not a known language");
    return result;
}

std::string yaml_quoted(std::string_view text) {
    // A JSON string is a YAML double-quoted scalar: the same escapes, read back the same.
    std::string out;
    append_json_string(out, text);
    return out;
}

}  // namespace anticipa::article
