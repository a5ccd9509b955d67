// Linker: groups the mentions that name one thing into entities.
//
// Mentions of one type link when they share a key: the code and canonical
// name if they have a code ("Britain" and "the UK" are both GB, United
// Kingdom; Boston is US, Boston), else the canonical name ("Apple Inc" and
// "Apple"), else the value with its modifier, currency and unit, else the
// text itself. The entity takes the attributes of its first mention; one with
// neither canonical name nor value gets its first mention's text as
// canonical.
//
// The Linker also finds the short mentions no rule can: a word of a person's
// name standing alone ("Geiszler" after "Steven Geiszler"), a company's first
// word ("Halvern" after "Halvern Therapeutics", where the text never writes
// "halvern"), and an acronym a text introduces in parentheses ("the Federal
// Trade Commission (FTC)") with its later uses. Such a form must be a whole
// token, written as in the name, outside every other mention, and name one
// entity only: "Lee" is left alone in a text about Lee Jae-yong and Lee
// Kun-hee. A surname after a title ("Mr Starmer") joins the person the text
// named in full ("Keir Starmer") on the same terms. Entities are numbered
// E1, E2, ... by first mention, these included.
#ifndef LEDE_SRC_LINKER_H_
#define LEDE_SRC_LINKER_H_

#include <vector>

#include "lede/document.h"
#include "normalizer.h"

namespace lede {

// Fills doc->entities from `mentions` (in text order), cues for the
// Agreements stage aside; doc->sentences and doc->tokens must be set.
void LinkMentions(const std::vector<NormalizedMention>& mentions, Document* doc);

}  // namespace lede

#endif  // LEDE_SRC_LINKER_H_
