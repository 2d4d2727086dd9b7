// Fuzzing: what every harness shares — reading choices off the front of libFuzzer's bytes, and
// failing loudly (abort, which libFuzzer records as a finding with the input that caused it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace anticipa::fuzz {

/// The source tree (locales/, articles/), compiled in by CMake.
inline std::filesystem::path source_dir() {
    return ANTICIPA_SOURCE_DIR;
}

/// libFuzzer's input, consumed from the front: choices first, the rest is the text under test.
class FuzzInput {
  public:
    FuzzInput(const std::uint8_t* data, std::size_t size) : data_(reinterpret_cast<const char*>(data)), size_(size) {}

    /// One byte as a choice among `count` (0 when the input is used up).
    std::size_t choose(std::size_t count) {
        if (size_ == 0 || count == 0) return 0;
        const auto byte = static_cast<unsigned char>(*data_);
        ++data_;
        --size_;
        return byte % count;
    }
    /// Everything not consumed yet.
    std::string_view rest() const { return {data_, size_}; }

  private:
    const char* data_;
    std::size_t size_;
};

/// ANTICIPA_FUZZ_UTF8_ONLY=1 makes the analyzer and query harnesses skip invalid UTF-8, to look
/// past known invalid-UTF-8 findings while their fix is pending (tools/fuzz.sh says how).
inline bool utf8_only() {
    static const bool only = std::getenv("ANTICIPA_FUZZ_UTF8_ONLY") != nullptr;
    return only;
}

/// A property the code under test promises; a broken one is a finding.
inline void require(bool holds, const char* promise) {
    if (holds) return;
    std::fprintf(stderr, "fuzz: broken promise: %s\n", promise);
    std::abort();
}

}  // namespace anticipa::fuzz
