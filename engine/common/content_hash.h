// Common: stable content hashes for change detection (incremental indexing, translation revisions).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace anticipa {

/// 64-bit FNV-1a of the bytes, as 16 lowercase hex digits. Stable across runs and machines;
/// for noticing change, not for security.
std::string content_hash(std::string_view bytes);

}  // namespace anticipa
