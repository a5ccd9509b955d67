// Linker: groups the mentions that name one thing into entities.
//
// Mentions of one type link when they share a key: the code if they have one
// ("Britain" and "the UK" are both GB), else the canonical name ("Apple Inc"
// and "Apple"), else the value with its modifier, currency and unit, else the
// text itself. The entity takes the attributes of its first mention; one with
// neither canonical name nor value gets its first mention's text as
// canonical. Entities are numbered E1, E2, ... by first mention.
#ifndef LEDE_SRC_LINKER_H_
#define LEDE_SRC_LINKER_H_

#include <vector>

#include "lede/document.h"
#include "normalizer.h"

namespace lede {

// Fills doc->entities from `mentions` (in text order); doc->sentences must
// be set, to number each mention's sentence.
void LinkMentions(const std::vector<NormalizedMention>& mentions, Document* doc);

}  // namespace lede

#endif  // LEDE_SRC_LINKER_H_
