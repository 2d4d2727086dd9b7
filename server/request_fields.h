// Server: checks of request fields that several routes (API and pages) share.
#pragma once

#include <optional>
#include <string>

namespace anticipa::server {

/// The canonical form of a locale a request names, or nullopt when it is not a known language
/// tag ("PT-br" -> "pt-BR"; "../etc" and "english" -> nullopt).
std::optional<std::string> known_locale(const std::string& value);

/// Article ids are folder-like names from the help center: letters, digits, '.', '_', '-' and
/// '/', never "..", "//", or a leading or trailing '/' ("billing/invoices" yes,
/// "../etc/passwd" no), at most 200 characters.
bool valid_article_id(const std::string& id);

}  // namespace anticipa::server
