// Server: widget routes (being written).
#include "server_context.h"

namespace anticipa::server {

void register_widget_routes(httplib::Server&, ServerContext&) {}

}  // namespace anticipa::server
