#include "events/postgres_connection.h"

#include <libpq-fe.h>

#include <stdexcept>

namespace anticipa::events {
namespace {

std::string trimmed(const char* message) {
    std::string text = message ? message : "";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text.empty() ? "no reason given" : text;
}

// Connection exceptions (class 08) and the server shutting down or starting (57P01-57P03): the
// database is not there right now, which is not a problem with what was asked.
bool means_unavailable(const char* sqlstate) {
    const std::string state = sqlstate ? sqlstate : "";
    return state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03";
}

}  // namespace

std::string redacted_uri(const std::string& uri) {
    std::string shown = uri;
    const std::size_t scheme = shown.find("://");
    if (scheme != std::string::npos) {
        const std::size_t authority = scheme + 3;
        const std::size_t end = shown.find_first_of("/?", authority);
        const std::size_t at = shown.rfind('@', end == std::string::npos ? shown.size() : end);
        if (at != std::string::npos && at >= authority) {
            const std::size_t colon = shown.find(':', authority);
            if (colon != std::string::npos && colon < at) shown.replace(colon + 1, at - colon - 1, "***");
        }
    }
    // A password can also be a parameter: ...?password=secret&...
    const std::size_t parameter = shown.find("password=");
    if (parameter != std::string::npos) {
        const std::size_t value = parameter + 9;
        const std::size_t end = shown.find('&', value);
        shown.replace(value, (end == std::string::npos ? shown.size() : end) - value, "***");
    }
    return shown;
}

void check_postgresql_uri(const std::string& uri) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
    if (!options) {
        std::string reason = trimmed(error);
        PQfreemem(error);
        throw std::invalid_argument(reason);
    }
    PQconninfoFree(options);
}

// ---- results and parameters -------------------------------------------------------------------

void PgResult::Clear::operator()(pg_result* result) const {
    PQclear(result);
}

int PgResult::rows() const {
    return PQntuples(result_.get());
}

std::string PgResult::text(int row, int column) const {
    return PQgetvalue(result_.get(), row, column);
}

bool PgResult::is_null(int row, int column) const {
    return PQgetisnull(result_.get(), row, column) != 0;
}

std::vector<const char*> PgParameters::pointers() const {
    std::vector<const char*> pointers;
    pointers.reserve(values_.size());
    for (const std::string& value : values_) pointers.push_back(value.c_str());
    return pointers;
}

// ---- the connection ---------------------------------------------------------------------------

// The URI is expanded last, so whatever it sets (connect_timeout included) wins over these.
PgConnection::PgConnection(const std::string& uri) : name_(redacted_uri(uri)) {
    // client_min_messages: no "NOTICE: ... already exists, skipping" on stderr at each start.
    const char* keywords[] = {"connect_timeout", "client_encoding", "fallback_application_name",
                              "options",         "dbname",          nullptr};
    const char* values[] = {"5", "UTF8", "anticipa", "-c client_min_messages=warning", uri.c_str(), nullptr};
    conn_ = PQconnectdbParams(keywords, values, 1);
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        std::string reason = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
        PQfinish(conn_);
        conn_ = nullptr;
        throw DatabaseUnavailable(name_ + ": cannot connect to the events database: " + reason);
    }
}

PgConnection::~PgConnection() {
    PQfinish(conn_);
}

bool PgConnection::usable() const {
    return conn_ && PQstatus(conn_) == CONNECTION_OK;
}

void PgConnection::fail(pg_result* result, const char* doing) {
    const bool unavailable =
        PQstatus(conn_) != CONNECTION_OK || (result && means_unavailable(PQresultErrorField(result, PG_DIAG_SQLSTATE)));
    std::string message =
        name_ + ": " + doing + ": " +
        trimmed(result && *PQresultErrorMessage(result) ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
    PQclear(result);
    if (unavailable) throw DatabaseUnavailable(message);
    throw std::runtime_error(message);
}

PgResult PgConnection::execute(const std::string& sql, const char* doing) {
    pg_result* result = PQexec(conn_, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result, doing);
    return PgResult(result);
}

PgResult PgConnection::execute(const std::string& sql, const PgParameters& parameters, const char* doing) {
    const std::vector<const char*> values = parameters.pointers();
    pg_result* result =
        PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result, doing);
    return PgResult(result);
}

void PgConnection::start_row_by_row(const std::string& sql, const PgParameters& parameters, const char* doing) {
    const std::vector<const char*> values = parameters.pointers();
    if (!PQsendQueryParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                           nullptr, 0)) {
        fail(nullptr, doing);
    }
    PQsetSingleRowMode(conn_);
}

bool PgConnection::next_row(PgResult& row, const char* doing) {
    while (pg_result* result = PQgetResult(conn_)) {
        switch (PQresultStatus(result)) {
            case PGRES_SINGLE_TUPLE:
                row = PgResult(result);
                return true;
            case PGRES_TUPLES_OK:  // the end of the rows: no more results follow
                PQclear(result);
                continue;
            default:
                fail(result, doing);
        }
    }
    return false;
}

}  // namespace anticipa::events
