#include "highlight.h"

#include <fmt/format.h>

#include <algorithm>

namespace lede {
namespace {

// Terminal colors keep to the 16 basic ones, which every terminal theme
// adjusts for its background; the HTML pairs a light fill with a dark accent
// of the same hue, dark enough for text (WCAG AA on white).
constexpr TypeStyle kStyles[] = {
    {"PERSON", "1;35", "#fce7f3", "#9d174d"},   {"ORG", "1;34", "#dbeafe", "#1e40af"},
    {"GPE", "1;32", "#dcfce7", "#166534"},      {"LOC", "32", "#ccfbf1", "#115e59"},
    {"NORP", "36", "#ecfccb", "#3f6212"},       {"DATE", "33", "#fef3c7", "#92400e"},
    {"TIME", "93", "#ffedd5", "#9a3412"},       {"MONEY", "1;31", "#fee2e2", "#991b1b"},
    {"PERCENT", "1;36", "#ede9fe", "#5b21b6"},  {"CARDINAL", "96", "#e0e7ff", "#3730a3"},
    {"ORDINAL", "94", "#e0f2fe", "#075985"},    {"QUANTITY", "95", "#fae8ff", "#86198f"},
    {"", "1", "#f1f5f9", "#334155"},
};

}  // namespace

std::span<const TypeStyle> TypeStyles() { return kStyles; }

size_t StyleIndex(std::string_view type) {
  const size_t last = std::size(kStyles) - 1;
  for (size_t i = 0; i < last; ++i) {
    if (kStyles[i].type == type) return i;
  }
  return last;
}

std::string Painter::operator()(std::string_view sgr, std::string_view text) const {
  return color_ ? fmt::format("\x1b[{}m{}\x1b[0m", sgr, text) : std::string(text);
}

std::string Painter::Type(std::string_view type, std::string_view text) const {
  return (*this)(kStyles[StyleIndex(type)].ansi, text);
}

std::vector<EntityMention> MentionsInTextOrder(const Document& doc, bool overlapping) {
  std::vector<EntityMention> all;
  for (const Entity& entity : doc.entities) {
    for (const Mention& mention : entity.mentions) all.push_back(EntityMention{&mention, &entity});
  }
  std::stable_sort(all.begin(), all.end(), [](const EntityMention& a, const EntityMention& b) {
    const Span& x = a.mention->span;
    const Span& y = b.mention->span;
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
  if (overlapping) return all;
  std::vector<EntityMention> shown;
  for (const EntityMention& m : all) {
    if (!shown.empty() && m.mention->span.begin < shown.back().mention->span.end) continue;
    shown.push_back(m);
  }
  return shown;
}

}  // namespace lede
