// Names that patterns find, where no gazetteer row gives the canonical form.
//
// Captures: name (the name within a longer match; default the whole match),
// suffix (the legal form of a company: "Inc", "Co Ltd"). An organization
// rule's lookup table, if any, maps known names to their canonical form.
#include <string>
#include <string_view>

#include "normalizers.h"

namespace lede {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// `text` on one line: each run of white space becomes one space, and the
// ends lose theirs and any trailing comma ("Acme Widgets, Inc" -> "Acme
// Widgets" once the suffix is cut).
std::string OneLine(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!IsSpace(c)) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out;
}

std::string_view NameOf(const MatchView& match) {
  const std::string_view name = match.Capture("name");
  return name.empty() ? match.text() : name;
}

}  // namespace

bool NormalizeName(const MatchView& match, Attributes* out) {
  out->canonical = OneLine(NameOf(match));
  return true;
}

bool NormalizeOrganization(const MatchView& match, Attributes* out) {
  std::string_view name = NameOf(match);
  const std::string_view suffix = match.Capture("suffix");
  // Only a suffix inside the name cuts it (a missing group would read an arg).
  if (!suffix.empty() && suffix.data() > name.data() && suffix.data() <= name.data() + name.size()) {
    name = name.substr(0, static_cast<size_t>(suffix.data() - name.data()));
  }
  out->canonical = OneLine(name);
  if (out->canonical.empty()) out->canonical = OneLine(match.text());
  // A name the rule's lookup list knows takes the list's canonical name and
  // what else it says: "Taiwan Semiconductor Manufacturing Co." is TSMC.
  if (const std::string_view known = match.Lookup(out->canonical, "name"); !known.empty()) {
    out->canonical = std::string(known);
    out->country = std::string(match.Lookup(known, "country"));
    out->ticker = std::string(match.Lookup(known, "ticker"));
  }
  return true;
}

}  // namespace lede
