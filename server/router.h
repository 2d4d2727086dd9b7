// Server: finds the route of a request in the route table — exact paths by one hash lookup,
// then the few patterns in the table's order — instead of cpp-httplib's std::regex per route.
#pragma once

#include "routes.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace anticipa::server {

class Router {
  public:
    /// Throws std::invalid_argument on a malformed pattern (the table is the program's own).
    explicit Router(std::vector<Route> routes);

    struct Found {
        const Route* route = nullptr;  ///< nullptr: no route answers this method and path
        std::string_view label;        ///< the route's pattern as /metrics and the OpenAPI name it
        PathParams params;
        std::string allowed;  ///< no route for the method, some for the path: their methods ("GET, POST")
    };
    /// The route for `method` and the decoded `path`; HEAD is answered by the GET route.
    Found find(std::string_view method, const std::string& path) const;

    /// Method and label of every route, in the table's order: "GET /api/v1/articles/{locale}/{id}".
    std::vector<std::pair<std::string, std::string>> describe() const;

  private:
    struct Segment {
        enum class Kind { LITERAL, PARAM, TAG, REST } kind;
        std::string text;  ///< LITERAL: the segment
    };
    struct Compiled {
        Route route;
        std::string label;
        std::vector<Segment> segments;  ///< empty for an exact path
    };
    bool match(const Compiled& compiled, const std::string& path, PathParams& params) const;

    std::vector<Compiled> routes_;
    std::unordered_map<std::string, std::vector<const Compiled*>> exact_;  ///< by path
    std::vector<const Compiled*> patterns_;
};

}  // namespace anticipa::server
