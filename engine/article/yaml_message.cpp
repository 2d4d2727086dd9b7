#include "article/yaml_message.h"

#include <array>
#include <utility>

namespace anticipa::article {

namespace {

// yaml-cpp's messages (yaml-cpp/exceptions.h, ErrorMsg) by how they start, with what a writer
// most likely did to cause each. Order matters only where one message starts another.
constexpr std::array<std::pair<std::string_view, std::string_view>, 15> EXPLANATIONS{{
    {"illegal map value",
     "a line reads as `key: value` inside another value: start each key at the beginning of its line (not indented), "
     "and put a value that contains `: ` in quotes, like title: \"Billing: refunds\""},
    {"illegal map key", "a `?` or a key is where a value was expected: put the value in quotes"},
    {"end of map not found",
     "the indentation is off: keys start at the beginning of the line, and list items under a key are indented "
     "with spaces"},
    {"end of sequence not found", "a list's items are not indented alike: give every `- item` the same spaces"},
    {"illegal block entry", "a `- item` is where a value was expected: put the list under its key, one item a line"},
    {"end of sequence flow not found", "a list opened with `[` is not closed with `]`"},
    {"end of map flow not found", "a `{` is not closed with `}` (to write a brace in a value, put it in quotes)"},
    {"illegal flow end", "a `]` or `}` closes nothing: remove it, or put the value in quotes"},
    {"illegal EOF in scalar", "a quoted value has no closing quote"},
    {"unknown escape character",
     "a backslash in a double-quoted value starts an unknown escape: write \\\\ for a backslash, or use single "
     "quotes"},
    {"illegal tab", "a tab is used to indent: YAML indents with spaces only"},
    {"unknown token", "a value starts with a character YAML reserves (`@` or a backtick): put the value in quotes"},
    {"alias not found after *", "a value starts with `*`, which YAML reads as a reference: put the value in quotes"},
    {"the referenced anchor", "a value starts with `*`, which YAML reads as a reference: put the value in quotes"},
    {"anchor not found after &", "a value starts with `&`, which YAML reads as a name: put the value in quotes"},
}};

}  // namespace

std::string explain_yaml_error(std::string_view parser_message) {
    for (const auto& [starts, explanation] : EXPLANATIONS)
        if (parser_message.starts_with(starts))
            return std::string(explanation) + " (YAML: " + std::string(parser_message) + ")";
    return "the front matter is not valid YAML (" + std::string(parser_message) + ")";
}

}  // namespace anticipa::article
