#include "support/served_help_center.h"

namespace anticipa::test {

ServedHelpCenter::ServedHelpCenter(const ServedOptions& options) {
    std::filesystem::copy(source_dir() / "articles", dir / "articles", std::filesystem::copy_options::recursive);
    reindex();
    config.port = 0;
    config.index_dir = dir / "index";
    config.articles_dir = dir / "articles";  // read by the admin page for stale translations
    config.locales_dir = source_dir() / "locales";
    config.tier_secret = options.tier_secret;
    config.allowed_origins = options.allowed_origins;
    config.threads = 4;
    config.contact_outbox = dir / "contact-outbox.jsonl";
    config.events_path = dir / "events.db";  // read by the admin page; the tests record to memory
    if (options.adjust) options.adjust(config);
    search_ = std::make_unique<search::SearchService>(search::SearcherOptions{config.index_dir, "en"}, analyzers);
    listener_ = std::make_unique<server::transport::ListeningSocket>(config.host, config.port);
    port = listener_->port();
    http_ = std::make_unique<server::HelpCenterServer>(config, *search_, events);
    thread_ = std::thread([this] { http_->run(*listener_); });
}

ServedHelpCenter::~ServedHelpCenter() {
    http_->stop();
    thread_.join();
}

index::IndexSummary ServedHelpCenter::reindex() {
    index::IndexOptions options;
    options.index_dir = dir / "index";
    options.load.root = dir / "articles";
    return index::index_articles(options, analyzers);
}

httplib::Client ServedHelpCenter::client() const {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(2, 0);
    c.set_read_timeout(5, 0);
    return c;
}

}  // namespace anticipa::test
