#include "search/snippet.h"

#include "common/html_escape.h"
#include "common/utf8.h"
#include "search/query_builder.h"

namespace anticipa::search {

using analysis::Token;

namespace {

const std::string ELLIPSIS = "\xE2\x80\xA6";  // …

bool matches(const AnalyzedText::Word& word, const std::set<std::string>& keys, const std::string& prefix) {
    if (keys.count(word.key) || keys.count(word.term)) return true;
    return !prefix.empty() && word.term.starts_with(prefix);
}

struct Hit {
    std::uint32_t begin = 0, end = 0;
};

}  // namespace

std::string_view analyzed_part(std::string_view text, const SnippetOptions& options) {
    // Only the start of a long section is analyzed: analyzing every hit's whole text was a third
    // of the median query time, and help sections put what matters first.
    return text.substr(0, character_start(text, std::min(text.size(), options.max_analyzed_bytes)));
}

AnalyzedText analyze_for_snippet(std::string_view text, const analysis::Analyzer& analyzer,
                                 const SnippetOptions& options) {
    AnalyzedText out;
    std::unordered_map<std::string, std::uint32_t> word_of;  ///< key + '\0' + term -> index in words
    for (const Token& token : analyzer.analyze(analyzed_part(text, options))) {
        const std::string& key = analysis::match_key(token);
        auto [slot, fresh] = word_of.try_emplace(key + '\0' + token.term, std::uint32_t(out.words.size()));
        if (fresh) out.words.push_back({key, token.term});
        out.spans.push_back({token.begin, token.end, slot->second});
    }
    return out;
}

Snippet make_snippet(const std::string& text, const analysis::Analyzer& analyzer, const std::set<std::string>& keys,
                     const std::string& prefix, const SnippetOptions& options) {
    return make_snippet(text, analyze_for_snippet(text, analyzer, options), keys, prefix, options);
}

Snippet make_snippet(const std::string& text, const AnalyzedText& analyzed, const std::set<std::string>& keys,
                     const std::string& prefix, const SnippetOptions& options) {
    // Each distinct word is compared with the query once; then its tokens are the hits.
    std::vector<bool> matched(analyzed.words.size());
    for (std::size_t w = 0; w < analyzed.words.size(); ++w) matched[w] = matches(analyzed.words[w], keys, prefix);
    std::vector<Hit> hits;
    for (const auto& span : analyzed.spans)
        if (matched[span.word]) hits.push_back({span.begin, span.end});

    // Slide a window over the matched tokens; keep the one holding the most of them.
    std::size_t best_first = 0, best_count = 0;
    for (std::size_t first = 0, last = 0; first < hits.size(); ++first) {
        while (last < hits.size() && hits[last].end - hits[first].begin <= options.max_bytes) ++last;
        if (last - first > best_count) {
            best_count = last - first;
            best_first = first;
        }
    }
    std::size_t begin = 0;
    if (best_count > 0 && hits[best_first].begin > options.max_bytes / 4) {
        // Start a little before the first match, at a word boundary.
        begin = hits[best_first].begin - options.max_bytes / 4;
        while (begin < hits[best_first].begin && text[begin] != ' ' && text[begin] != '\n') ++begin;
        if (begin < hits[best_first].begin) ++begin;
        else begin = hits[best_first].begin;
    }
    std::size_t end = std::min(text.size(), begin + options.max_bytes);
    if (end < text.size()) {
        std::size_t space = text.rfind(' ', end);
        if (space != std::string::npos && space > begin + options.max_bytes / 2) end = space;
        end = std::max(begin, character_start(text, end));  // whole characters
    }

    Snippet snippet;
    const std::string lead = begin > 0 ? ELLIPSIS : "";
    snippet.text = lead + text.substr(begin, end - begin);
    for (auto& c : snippet.text)
        if (c == '\n') c = ' ';
    if (end < text.size()) snippet.text += ELLIPSIS;
    for (const Hit& hit : hits) {
        if (hit.begin < begin || hit.end > end) continue;
        auto from = static_cast<std::uint32_t>(hit.begin - begin + lead.size());
        auto to = static_cast<std::uint32_t>(hit.end - begin + lead.size());
        if (!snippet.highlights.empty() && snippet.highlights.back().second >= from) {
            snippet.highlights.back().second = std::max(snippet.highlights.back().second, to);  // bigrams overlap
        } else {
            snippet.highlights.emplace_back(from, to);
        }
    }
    return snippet;
}

std::string snippet_marked(const Snippet& snippet, const std::string& open, const std::string& close) {
    std::string out;
    std::size_t at = 0;
    for (auto [from, to] : snippet.highlights) {
        out += snippet.text.substr(at, from - at) + open + snippet.text.substr(from, to - from) + close;
        at = to;
    }
    return out + snippet.text.substr(at);
}

std::string snippet_html(const Snippet& snippet) {
    std::string out;
    out.reserve(snippet.text.size() + 16 * snippet.highlights.size() + 16);
    std::size_t at = 0;
    std::string_view text = snippet.text;
    for (auto [from, to] : snippet.highlights) {
        append_escaped_html(out, text.substr(at, from - at));
        out += "<mark>";
        append_escaped_html(out, text.substr(from, to - from));
        out += "</mark>";
        at = to;
    }
    append_escaped_html(out, text.substr(at));
    return out;
}

}  // namespace anticipa::search
