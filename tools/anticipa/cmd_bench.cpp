// anticipa bench: being written.
#include "anticipa/cli_support.h"

namespace anticipa::cli {

void add_bench_command(CLI::App&, int&) {}

}  // namespace anticipa::cli
