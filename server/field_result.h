// Server: what reading a request field gives — the value, or the error that names the field.
// GCC 12 has no std::expected; this is the small part of it the request readers need.
#pragma once

#include "api_error.h"

#include <string>
#include <utility>
#include <variant>

namespace anticipa::server {

/// A request field that failed its check: the status it maps to and a message naming the field
/// ("route must start with '/', like /settings/security").
struct FieldError {
    ApiError error = ApiError::INVALID_REQUEST;
    std::string message;
};

/// The INVALID_REQUEST error most checks give.
inline FieldError invalid_field(std::string message) {
    return {ApiError::INVALID_REQUEST, std::move(message)};
}

/// A checked value or the FieldError that refused it.
template <typename T>
class FieldResult {
  public:
    FieldResult(T value) : state_(std::move(value)) {}
    FieldResult(FieldError error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    /// The value; only when ok().
    const T& operator*() const& { return std::get<T>(state_); }
    T& operator*() & { return std::get<T>(state_); }
    T&& operator*() && { return std::get<T>(std::move(state_)); }
    const T* operator->() const { return &std::get<T>(state_); }
    T* operator->() { return &std::get<T>(state_); }

    /// The refusal; only when !ok().
    const FieldError& error() const { return std::get<FieldError>(state_); }

  private:
    std::variant<T, FieldError> state_;
};

}  // namespace anticipa::server
