// anticipa eval: being written.
#include "anticipa/cli_support.h"

namespace anticipa::cli {

void add_eval_command(CLI::App&, int&) {}

}  // namespace anticipa::cli
