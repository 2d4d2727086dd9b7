// Common: one place that turns an ICU error code into an exception that says what we were doing.
#pragma once

#include <unicode/utypes.h>

#include <stdexcept>
#include <string>

namespace anticipa {

/// Thrown when ICU fails: a broken environment (missing ICU data), not a bad input.
class IcuError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Throws IcuError naming `doing` and u_errorName(status) when status is a failure.
void check_icu(UErrorCode status, const char* doing);

}  // namespace anticipa
