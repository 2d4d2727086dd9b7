// Search stage: answers already computed, kept by the request and the index revision they were
// read from, least recently used first out.
#pragma once

#include "search/search_types.h"

#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace anticipa::search {

/// Every field of the request that can change its answer, each written with its length so no two
/// requests share a key ("a,b" as one tag is not "a" and "b"). The one place a field joins the
/// key: the function names every field of SearchRequest, so adding one without it fails to build.
std::string request_key(const SearchRequest& request);

/// An answer as the cache keeps it: made once, never changed, shared by every request that asks
/// the same thing of the same revision, so a repeated request copies nothing. A caller that turns
/// answers into bytes (the JSON API's search and suggest) does it once per answer and format
/// through rendered().
class SharedAnswer {
  public:
    explicit SharedAnswer(SearchResponse response) : response_(std::move(response)) {}

    const SearchResponse& response() const { return response_; }

    /// `render(response())`, made by the first caller asking for `format` and kept for the
    /// others. `render` may read only the answer and fields of its request_key (the answer is
    /// shared by exactly the requests with that key), never per-request fields such as ids.
    template <typename Render>
    const std::string& rendered(const std::string& format, Render render) const {
        std::lock_guard lock(rendered_mutex_);
        auto [slot, made] = rendered_.try_emplace(format);
        if (made) slot->second = render(response_);
        return slot->second;  // map nodes never move, so the reference outlives the lock
    }

  private:
    SearchResponse response_;
    mutable std::mutex rendered_mutex_;
    mutable std::map<std::string, std::string> rendered_;  ///< by format; guarded by rendered_mutex_
};

using AnswerPtr = std::shared_ptr<const SharedAnswer>;

/// A thread-safe LRU map from a key (the index revision read + request_key) to an answer.
class ResultCache {
  public:
    struct Stats {
        std::uint64_t hits = 0, misses = 0;
    };

    /// `capacity` 0 keeps nothing.
    explicit ResultCache(std::size_t capacity) : capacity_(capacity) {}

    /// The answer kept under `key` (null if none), now the most recently used; counts a hit or a
    /// miss.
    AnswerPtr find(const std::string& key);
    /// Keeps `answer` under `key` unless another thread did meanwhile; the oldest goes when full.
    void keep(const std::string& key, AnswerPtr answer);
    Stats stats();

  private:
    using Entries = std::list<std::pair<std::string, AnswerPtr>>;

    std::size_t capacity_;
    std::mutex mutex_;
    Entries order_;  ///< most recently used first; the map points into the list
    std::unordered_map<std::string, Entries::iterator> by_key_;
    Stats stats_;
};

}  // namespace anticipa::search
