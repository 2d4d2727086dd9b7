#include "api_error.h"

#include "search/index_unusable.h"

#include <nlohmann/json.hpp>

namespace anticipa::server {

namespace {

struct ErrorRow {
    ApiError error;
    int status;
    const char* code;
};

/// The one table from errors to statuses and stable codes.
constexpr ErrorRow ERRORS[] = {
    {ApiError::INVALID_REQUEST, 400, "invalid_request"},
    {ApiError::QUERY_TOO_LONG, 400, "query_too_long"},
    {ApiError::NOT_FOUND, 404, "not_found"},
    {ApiError::METHOD_NOT_ALLOWED, 405, "method_not_allowed"},
    {ApiError::PAYLOAD_TOO_LARGE, 413, "payload_too_large"},
    {ApiError::UNSUPPORTED, 400, "unsupported_request"},
    {ApiError::ORIGIN_NOT_ALLOWED, 403, "origin_not_allowed"},
    {ApiError::OVERLOADED, 503, "overloaded"},
    {ApiError::INDEX_UNAVAILABLE, 503, "index_unavailable"},
    {ApiError::INTERNAL, 500, "internal_error"},
};

const ErrorRow& row(ApiError error) {
    for (const auto& r : ERRORS)
        if (r.error == error) return r;
    return ERRORS[std::size(ERRORS) - 1];
}

}  // namespace

int http_status(ApiError error) {
    return row(error).status;
}
const char* error_code(ApiError error) {
    return row(error).code;
}

std::string error_body(ApiError error, const std::string& message) {
    return nlohmann::json{{"error", {{"code", error_code(error)}, {"message", message}}}}.dump();
}

HandlerFailure handler_failure(const std::exception_ptr& failure) {
    try {
        if (failure) std::rethrow_exception(failure);
    } catch (const search::IndexUnusable& e) {
        // Nothing to serve for a moment (every locale being replaced, or broken): a balancer's
        // cue to ask another replica, not a bug.
        return {ApiError::INDEX_UNAVAILABLE, "the index cannot be served at the moment; try again shortly", e.what()};
    } catch (const std::exception& e) {
        return {ApiError::INTERNAL, "the server failed to answer; it is logged", e.what()};
    } catch (...) {  // Xapian's errors are not std::exceptions
    }
    return {ApiError::INTERNAL, "the server failed to answer; it is logged", "unknown exception"};
}

}  // namespace anticipa::server
