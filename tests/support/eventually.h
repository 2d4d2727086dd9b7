// Test support: waiting for what a server or a SearchService picks up on its own (a new index
// revision, a replaced locale folder) within its check interval, without a fixed sleep.
#pragma once

#include <chrono>
#include <thread>

namespace anticipa::test {

/// Polls until `ready` holds, for up to 10 s; false when it never did.
template <typename Ready>
bool eventually(Ready ready) {
    for (int attempt = 0; attempt < 200; ++attempt) {
        if (ready()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

}  // namespace anticipa::test
