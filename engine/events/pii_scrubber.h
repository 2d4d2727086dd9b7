// Events stage: free text a customer typed (a query, a "not helpful" comment) -> the same text with
// personal data replaced by placeholders, before it is journaled or stored.
#pragma once

#include <string>
#include <string_view>

namespace anticipa::events {

/// Replaces e-mail addresses with "[email]", phone numbers with "[phone]", Luhn-valid payment card
/// numbers with "[card]" and any other run of six or more digits with "[number]"; everything else
/// (short numbers, any script, invalid UTF-8) is copied byte for byte. Cheap enough for every request.
std::string scrub_personal_data(std::string_view text);

}  // namespace anticipa::events
