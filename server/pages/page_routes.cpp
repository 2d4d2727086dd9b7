// Server: page routes (being written).
#include "server_context.h"

namespace anticipa::server {

void register_page_routes(httplib::Server&, ServerContext&) {}

}  // namespace anticipa::server
