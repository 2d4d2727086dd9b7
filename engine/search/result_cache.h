// Search stage: answers already computed, kept by the request and the index revision they were
// read from, least recently used first out.
#pragma once

#include "search/search_types.h"

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace anticipa::search {

/// Every field of the request that can change its answer, each written with its length so no two
/// requests share a key ("a,b" as one tag is not "a" and "b"). The one place a field joins the
/// key: the function names every field of SearchRequest, so adding one without it fails to build.
std::string request_key(const SearchRequest& request);

/// A thread-safe LRU map from a key (the index revision read + request_key) to an answer.
class ResultCache {
  public:
    struct Stats {
        std::uint64_t hits = 0, misses = 0;
    };

    /// `capacity` 0 keeps nothing.
    explicit ResultCache(std::size_t capacity) : capacity_(capacity) {}

    /// The answer kept under `key`, now the most recently used; counts a hit or a miss.
    std::optional<SearchResponse> find(const std::string& key);
    /// Keeps `response` under `key` unless another thread did meanwhile; the oldest goes when full.
    void keep(const std::string& key, const SearchResponse& response);
    Stats stats();

  private:
    using Entries = std::list<std::pair<std::string, SearchResponse>>;

    std::size_t capacity_;
    std::mutex mutex_;
    Entries order_;  ///< most recently used first; the map points into the list
    std::unordered_map<std::string, Entries::iterator> by_key_;
    Stats stats_;
};

}  // namespace anticipa::search
