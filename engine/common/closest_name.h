// Common: a mistyped name -> the known name it most likely meant, for "did you mean" in the
// messages about front-matter keys and server settings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace anticipa {

/// The known name closest to `name` by edit distance (insertions, deletions, substitutions),
/// when at most two edits away ("admin_tokn" -> "admin_token"); "" when none is that close.
std::string closest_name(std::string_view name, const std::vector<std::string_view>& known);

}  // namespace anticipa
