#include "search/snippet_cache.h"

#include <functional>

namespace anticipa::search {

namespace {

std::size_t entry_hash(std::string_view analyzed, const analysis::Analyzer* analyzer) {
    return std::hash<std::string_view>{}(analyzed) ^ std::hash<const void*>{}(analyzer);
}

}  // namespace

std::shared_ptr<const AnalyzedText> SnippetAnalysisCache::analysis(std::string_view text,
                                                                   const analysis::Analyzer& analyzer,
                                                                   const SnippetOptions& options) {
    const std::string_view analyzed = analyzed_part(text, options);
    const std::size_t hash = entry_hash(analyzed, &analyzer);
    auto [first, last] = by_hash_.equal_range(hash);
    for (auto found = first; found != last; ++found) {
        const Entries::iterator entry = found->second;
        if (entry->analyzer != &analyzer || entry->text != analyzed) continue;
        entries_.splice(entries_.begin(), entries_, entry);
        ++stats_.hits;
        return entry->analyzed;
    }
    ++stats_.misses;
    auto made = std::make_shared<const AnalyzedText>(analyze_for_snippet(analyzed, analyzer, options));
    if (capacity_ == 0) return made;
    if (entries_.size() >= capacity_) {
        const Entry& oldest = entries_.back();
        auto [from, to] = by_hash_.equal_range(entry_hash(oldest.text, oldest.analyzer));
        for (auto it = from; it != to; ++it)
            if (it->second == std::prev(entries_.end())) {
                by_hash_.erase(it);
                break;
            }
        entries_.pop_back();
    }
    entries_.push_front({&analyzer, std::string(analyzed), made});
    by_hash_.emplace(hash, entries_.begin());
    return made;
}

}  // namespace anticipa::search
