// Fuzzing: the personal-data scrubber on any bytes. Promises: never throws; no run of six or
// more digits survives; valid UTF-8 stays valid (placeholders never split a character).
#include "common/utf8.h"
#include "events/pii_scrubber.h"
#include "fuzz_input.h"

using namespace anticipa;

namespace {

bool has_long_digit_run(const std::string& text) {
    std::size_t run = 0;
    for (char c : text) {
        run = c >= '0' && c <= '9' ? run + 1 : 0;
        if (run >= 6) return true;
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::FuzzInput input(data, size);
    const std::string_view text = input.rest();
    const std::string scrubbed = events::scrub_personal_data(text);
    fuzz::require(!has_long_digit_run(scrubbed), "no run of six or more digits is left");
    if (find_invalid_utf8(text) == std::string::npos)
        fuzz::require(find_invalid_utf8(scrubbed) == std::string::npos, "valid UTF-8 in, valid UTF-8 out");
    return 0;
}
