#include "search/article_reader.h"

#include "article/article.h"
#include "index/schema.h"
#include "index/section_record.h"

#include <algorithm>
#include <tuple>

namespace anticipa::search {

using namespace anticipa::index;

Xapian::Query visible_to(const std::string& tier) {
    return Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(PREFIX_TIER + tier),
                         Xapian::Query(PREFIX_STATUS + "published"));
}

std::optional<ArticleView> read_article(const Xapian::Database& db, const std::string& id, const std::string& tier) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(PREFIX_ARTICLE + id), visible_to(tier)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(SLOT_SECTION, false);
    Xapian::MSet sections = enquire.get_mset(0, 1000);
    if (sections.empty()) return std::nullopt;
    ArticleView view;
    for (auto it = sections.begin(); it != sections.end(); ++it) {
        SectionRecord record = read_record(it.get_document(), RecordParts::WITH_TEXT_AND_HTML);
        if (view.id.empty()) {
            view.id = record.id;
            view.locale = record.locale;
            view.title = record.title;
            view.category = record.category;
            view.updated = record.updated;
            view.path = record.path;
            view.tags = record.tags;
            view.tiers = record.tiers;
        }
        view.sections.push_back({record.level, record.heading, record.anchor, record.text, record.html});
    }
    return view;
}

std::vector<ArticleSummary> list_articles(const Xapian::Database& db, const Xapian::Query& filter,
                                          const std::string& tier, std::size_t limit) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, filter, visible_to(tier)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_collapse_key(SLOT_ARTICLE);
    Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    std::vector<ArticleSummary> list;
    for (auto it = matches.begin(); it != matches.end(); ++it) {
        SectionRecord record = read_record(it.get_document());
        list.push_back(
            {record.id, record.locale, record.title, record.category, article::article_path(record.locale, record.id)});
    }
    std::sort(list.begin(), list.end(), [](const ArticleSummary& a, const ArticleSummary& b) {
        return std::tie(a.category, a.title) < std::tie(b.category, b.title);
    });
    return list;
}

Xapian::Query route_filter(const std::string& route) {
    std::vector<Xapian::Query> routes;
    std::string path = route.empty() || route[0] != '/' ? "/" + route : route;
    while (!path.empty()) {
        routes.emplace_back(PREFIX_CONTEXT + path);
        if (path == "/") break;
        auto slash = path.find_last_of('/');
        path = slash == 0 ? "/" : path.substr(0, slash);
    }
    return Xapian::Query(Xapian::Query::OP_OR, routes.begin(), routes.end());
}

}  // namespace anticipa::search
