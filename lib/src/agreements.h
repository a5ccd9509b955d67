// Agreements: finds agreement events in sentences (docs/agreements.md).
//
// The agreements pack finds cues, not entities: triggers (AGREEMENT, its
// subtype the kind: "patent licensing agreement" -> patent_license; verbs
// like "agreed to buy" too), status words (AGREEMENT_STATUS: "signed",
// "walked away from"), hedges, negations and "to continue". This stage reads
// them with the entities the Linker made and, per trigger, takes within its
// sentence: the nearest status word before it (else after it, for "the deal
// was signed"), the parties (names coordinated before the status word, after
// "with" or "between", "X's acquisition of Y"; "it" or "the company" for the
// one company the previous sentence named), and the date, duration, money
// and counts around it. No parser: word order and punctuation only, so that
// it costs little beside matching.
#ifndef LEDE_SRC_AGREEMENTS_H_
#define LEDE_SRC_AGREEMENTS_H_

#include <string_view>
#include <vector>

#include "lede/document.h"
#include "normalizer.h"

namespace lede {

// Rule types whose mentions are cues for this stage, never entities.
inline constexpr std::string_view kTriggerType = "AGREEMENT";
inline constexpr std::string_view kStatusType = "AGREEMENT_STATUS";
inline constexpr std::string_view kHedgeType = "AGREEMENT_HEDGE";
inline constexpr std::string_view kNegationType = "AGREEMENT_NEGATION";
inline constexpr std::string_view kContinuesType = "AGREEMENT_CONTINUES";
// Blocks other cues where a word is not about a deal ("a great deal of").
inline constexpr std::string_view kNotAgreementType = "AGREEMENT_NONE";

bool IsCueType(std::string_view type);

// Fills doc->agreements from the cue mentions (in text order) and
// doc->entities, doc->sentences and doc->tokens.
void FindAgreements(const std::vector<NormalizedMention>& cues, Document* doc);

}  // namespace lede

#endif  // LEDE_SRC_AGREEMENTS_H_
