// Highlighting: the one palette and the one choice of marked mentions that
// the text and HTML formats and `lede explain` share, so that a type looks
// the same wherever an analyst meets it.
#ifndef LEDE_SRC_HIGHLIGHT_H_
#define LEDE_SRC_HIGHLIGHT_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lede/document.h"

namespace lede {

struct TypeStyle {
  std::string_view type;        // "ORG"; "" for the style of types not listed
  std::string_view ansi;        // SGR parameters for a terminal ("1;34")
  std::string_view background;  // CSS colors of the HTML report
  std::string_view accent;
};

// Every style, the OntoNotes types first in reading order (names, places,
// times, amounts), then the fallback style for any other type.
std::span<const TypeStyle> TypeStyles();

// The index into TypeStyles() of `type`'s style; the fallback's for a type
// the palette does not list (one a custom pack made up).
size_t StyleIndex(std::string_view type);

// Wraps text in ANSI SGR codes for a terminal, or, without color, leaves it
// as it is.
class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  // `text` in the SGR style `sgr` ("1;34"), reset after.
  std::string operator()(std::string_view sgr, std::string_view text) const;
  // `text` in the style of the entity type `type`.
  std::string Type(std::string_view type, std::string_view text) const;

 private:
  bool color_;
};

// A mention with the entity it belongs to.
struct EntityMention {
  const Mention* mention;
  const Entity* entity;
};

// The mentions of every entity in text order, the longer first at one start.
// Marked-up text can give a character one mark only: without `overlapping`,
// a mention that overlaps one before it (possible with --overlaps keep) is
// left out.
std::vector<EntityMention> MentionsInTextOrder(const Document& doc, bool overlapping);

}  // namespace lede

#endif  // LEDE_SRC_HIGHLIGHT_H_
