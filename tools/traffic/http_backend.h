// anticipa-traffic: the customer's actions as the widget and the help-center pages send them to
// a running `anticipa serve` (JSON API under /api/v1). One HttpBackend per worker thread: it
// keeps one keep-alive connection, as a browser tab would.
#pragma once

#include "backend.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>

namespace anticipa::traffic {

struct HttpOptions {
    std::string server = "http://127.0.0.1:8080";
    std::map<std::string, std::string> tokens;  ///< signed tier token by tier; empty: everyone is basic
    int timeout_seconds = 10;
    bool own_addresses = false;  ///< one loopback address per customer (see next_customer)
};

class HttpBackend : public Backend {
  public:
    HttpBackend(const HttpOptions& options, RequestTally& tally) : options_(options), tally_(tally) {}

    /// Each customer is a browser of its own: a new keep-alive connection, and with
    /// `own_addresses` from its own loopback address (127.x.y.z), so the server, which counts
    /// customers by address, does not see one customer asking everything.
    void next_customer(std::size_t number) override {
        client_ = std::make_unique<httplib::Client>(options_.server);
        client_->set_keep_alive(true);
        client_->set_tcp_nodelay(true);  // a request is written in pieces: do not wait for ACKs between them
        client_->set_connection_timeout(options_.timeout_seconds, 0);
        client_->set_read_timeout(options_.timeout_seconds, 0);
        client_->set_write_timeout(options_.timeout_seconds, 0);
        if (!options_.own_addresses) return;
        sockaddr_in from{};
        from.sin_family = AF_INET;
        const std::size_t n = number % (254 * 254 * 254);
        from.sin_addr.s_addr =
            htonl((127u << 24) | ((1 + n / (254 * 254)) << 16) | ((1 + n / 254 % 254) << 8) | (1 + n % 254));
        // Called on the new socket before connect(): bind it to the customer's address.
        client_->set_socket_options(
            [from](socket_t socket) { bind(socket, reinterpret_cast<const sockaddr*>(&from), sizeof from); });
    }

    /// True when `server` is on this machine's loopback, where every 127.x.y.z is ours to use.
    static bool on_loopback(const std::string& server) {
        return server.find("://127.") != std::string::npos || server.find("://localhost") != std::string::npos;
    }

    Shown search(const Ask& ask) override {
        return shown(get("/api/v1/search", query_params(ask), ask.tier), "results");
    }

    // The session and route parameters and the suggest answer's search_id are what the widget
    // sends and reads; a server that does not know them yet ignores them.
    Shown suggest(const Ask& ask) override {
        return shown(get("/api/v1/suggest", query_params(ask), ask.tier), "suggestions");
    }

    Shown context(const Ask& ask) override {
        return shown(get("/api/v1/context", {{"route", ask.route}, {"locale", ask.locale}}, ask.tier), "articles");
    }

    Shown deflect(const Ask& ask) override {
        const nlohmann::json ticket{
            {"subject", ask.query}, {"body", ask.body}, {"locale", ask.locale}, {"route", ask.route}};
        return shown(post("/api/v1/deflect", ticket, ask.tier), "articles");
    }

    void react(const Reaction& r) override {
        nlohmann::json event{{"type", r.type}, {"locale", r.locale}};
        auto add = [&](const char* field, const std::string& value) {
            if (!value.empty()) event[field] = value;
        };
        add("search_id", r.search_id);
        add("session", r.session);
        add("article_id", r.article_id);
        add("comment", r.comment);
        add("channel", r.channel);
        add("source", r.source);
        add("route", r.route);
        if (r.rank > 0) event["rank"] = r.rank;
        post("/api/v1/events", event, r.tier);
    }

    /// GET /healthz: the index's locales, or the reason the server cannot be used.
    static std::optional<nlohmann::json> health(const HttpOptions& options, std::string& problem) {
        httplib::Client client(options.server);
        client.set_connection_timeout(options.timeout_seconds, 0);
        client.set_read_timeout(options.timeout_seconds, 0);
        auto result = client.Get("/healthz");
        if (!result) {
            problem = "cannot reach " + options.server + ": " + httplib::to_string(result.error());
            return std::nullopt;
        }
        auto body = nlohmann::json::parse(result->body, nullptr, false);
        if (result->status != 200 || !body.is_object()) {
            problem = options.server + "/healthz answered " + std::to_string(result->status);
            return std::nullopt;
        }
        return body;
    }

  private:
    static httplib::Params query_params(const Ask& ask) {
        httplib::Params params{{"q", ask.query}, {"locale", ask.locale}};
        if (!ask.session.empty()) params.emplace("session", ask.session);
        if (!ask.route.empty()) params.emplace("route", ask.route);
        return params;
    }

    httplib::Headers headers(const std::string& tier) const {
        auto token = options_.tokens.find(tier);
        if (token == options_.tokens.end()) return {};
        return {{"Authorization", "Bearer " + token->second}};
    }

    std::optional<nlohmann::json> get(const std::string& path, const httplib::Params& params, const std::string& tier) {
        return exchange("GET " + path, [&] { return client_->Get(path, params, headers(tier)); });
    }

    std::optional<nlohmann::json> post(const std::string& path, const nlohmann::json& body, const std::string& tier) {
        const std::string text = body.dump();
        return exchange("POST " + path, [&] { return client_->Post(path, headers(tier), text, "application/json"); });
    }

    /// Sends, retrying once after a 503 (the server's queue was full and it said when to come
    /// back, as the widget's fetch would after a moment); any other failure is counted.
    template <typename Send>
    std::optional<nlohmann::json> exchange(const std::string& what, Send send) {
        ++tally_.sent;
        httplib::Result result = send();
        if (result && result->status == 503) {
            ++tally_.retried;
            std::this_thread::sleep_for(std::chrono::seconds(1));
            result = send();
        }
        if (!result) {
            ++tally_.connection_errors;
            tally_.note_failure(what + ": " + httplib::to_string(result.error()));
            return std::nullopt;
        }
        if (result->status >= 300) {
            ++(result->status >= 500 ? tally_.server_errors : tally_.client_errors);
            tally_.note_failure(what + ": " + std::to_string(result->status) + " " + result->body.substr(0, 200));
            return std::nullopt;
        }
        auto body = nlohmann::json::parse(result->body, nullptr, false);
        if (body.is_discarded()) {
            ++tally_.server_errors;
            tally_.note_failure(what + ": the answer is not JSON");
            return std::nullopt;
        }
        return body;
    }

    /// The article ids of an answer's list (`results`, `suggestions` or `articles`).
    static Shown shown(const std::optional<nlohmann::json>& body, const char* list) {
        Shown out;
        if (!body) {
            out.ok = false;
            return out;
        }
        if (body->contains("search_id") && (*body)["search_id"].is_string()) out.search_id = (*body)["search_id"];
        if (!body->contains(list) || !(*body)[list].is_array()) return out;
        for (const auto& item : (*body)[list]) {
            if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) continue;
            out.ids.push_back(item["id"]);
            out.locales.push_back(item.value("locale", std::string()));
        }
        return out;
    }

    const HttpOptions& options_;
    RequestTally& tally_;
    std::unique_ptr<httplib::Client> client_;
};

}  // namespace anticipa::traffic
