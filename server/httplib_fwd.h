// Server: cpp-httplib's request and response, declared for headers that take them by reference
// (the handlers' signatures) without including all of httplib.h.
#pragma once

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib
