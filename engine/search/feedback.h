// Search stage: pseudo-relevance feedback — the best sections of a first ranking -> the words
// they share (Xapian's ESet) -> a wider query, for questions worded unlike the answer.
#pragma once

#include "search/ranking_options.h"

#include <xapian.h>

namespace anticipa::search {

/// The query plus the best stems of its top sections at a lower weight; the query itself when
/// feedback is off or the first ranking is empty. The enquire keeps its query and settings.
Xapian::Query expand_with_feedback(Xapian::Enquire& enquire, const Xapian::Query& query, const RankingOptions& ranking);

}  // namespace anticipa::search
