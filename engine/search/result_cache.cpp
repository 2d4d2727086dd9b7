#include "search/result_cache.h"

namespace anticipa::search {

namespace {

void append_field(std::string& key, const std::string& text) {
    key += std::to_string(text.size());
    key += ':';
    key += text;
    key += '|';
}

void append_field(std::string& key, std::size_t number) {
    key += std::to_string(number);
    key += '|';
}

void append_field(std::string& key, bool flag) {
    key += flag ? "1|" : "0|";
}

void append_field(std::string& key, const std::vector<std::string>& list) {
    append_field(key, list.size());
    for (const auto& item : list) append_field(key, item);
}

}  // namespace

std::string request_key(const SearchRequest& request) {
    // A structured binding must name every field: a field added to SearchRequest stops this from
    // compiling until it is part of the key (or left out here on purpose, with the reason).
    const auto& [query, locale, tier, tags, category, offset, limit, prefix_last_word, fallback_to_default,
                 include_drafts, with_snippets, correct_spelling, every_word] = request;
    std::string key;
    key.reserve(query.size() + 64);
    append_field(key, query);
    append_field(key, locale);
    append_field(key, tier);
    append_field(key, tags);
    append_field(key, category);
    append_field(key, offset);
    append_field(key, limit);
    append_field(key, prefix_last_word);
    append_field(key, fallback_to_default);
    append_field(key, include_drafts);
    append_field(key, with_snippets);
    append_field(key, correct_spelling);
    append_field(key, every_word);
    return key;
}

AnswerPtr ResultCache::find(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto found = by_key_.find(key);
    if (found == by_key_.end()) {
        ++stats_.misses;
        return nullptr;
    }
    ++stats_.hits;
    order_.splice(order_.begin(), order_, found->second);
    return found->second->second;
}

void ResultCache::keep(const std::string& key, AnswerPtr answer) {
    if (capacity_ == 0) return;
    std::lock_guard lock(mutex_);
    if (by_key_.count(key)) return;  // another thread answered it meanwhile
    order_.emplace_front(key, std::move(answer));
    by_key_[key] = order_.begin();
    if (by_key_.size() > capacity_) {
        by_key_.erase(order_.back().first);
        order_.pop_back();
    }
}

ResultCache::Stats ResultCache::stats() {
    std::lock_guard lock(mutex_);
    return stats_;
}

}  // namespace anticipa::search
