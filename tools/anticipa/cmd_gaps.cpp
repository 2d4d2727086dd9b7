// Placeholder: being written.
#include "anticipa/cli_support.h"

namespace anticipa::cli {
void add_gaps_command(CLI::App&, int&) {}
}  // namespace anticipa::cli
