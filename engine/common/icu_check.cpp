#include "common/icu_check.h"

#include <unicode/utypes.h>

namespace anticipa {

void check_icu(UErrorCode status, const char* doing) {
    if (U_FAILURE(status)) {
        throw IcuError(std::string("ICU failed while ") + doing + ": " + u_errorName(status) +
                       " (is the libicu72 data package installed?)");
    }
}

}  // namespace anticipa
