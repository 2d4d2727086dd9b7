// Article stage: a YAML parser's message about front matter -> what is wrong in a writer's words
// ("illegal map value" -> a value with `: ` in it needs quotes).
#pragma once

#include <string>
#include <string_view>

namespace anticipa::article {

/// The writer's explanation of a yaml-cpp error message, ending with the parser's own words in
/// parentheses for searching; messages it does not know come out as "not valid YAML (...)".
std::string explain_yaml_error(std::string_view parser_message);

}  // namespace anticipa::article
