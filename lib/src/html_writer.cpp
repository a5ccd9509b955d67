#include "html_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>

#include "highlight.h"

namespace lede {
namespace {

// No script, no fetch: only inline style is allowed, so that even text that
// escaped escaping could not run or call home.
constexpr std::string_view kHead = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lede {version}">
<title>lede report</title>
<style>
body{{margin:0;background:#f6f7f9;color:#1f2937;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}}
main{{max-width:980px;margin:0 auto;padding:28px 24px 40px}}
header.report h1{{margin:0;font-size:20px;font-weight:650;letter-spacing:-.01em}}
header.report p,footer{{margin:4px 0 0;color:#6b7280;font-size:13px}}
section.doc{{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:22px 28px 26px;margin:22px 0;box-shadow:0 1px 2px rgba(16,24,40,.05)}}
h2{{margin:0;font-size:17px;font-weight:650;overflow-wrap:anywhere}}
h3{{margin:26px 0 8px;font-size:13px;font-weight:650;text-transform:uppercase;letter-spacing:.06em;color:#4b5563}}
.meta{{margin:2px 0 14px;color:#6b7280;font-size:13px}}
.error{{color:#991b1b}}
.warnings{{margin:0 0 12px;padding-left:18px;color:#92400e;font-size:13px}}
.legend{{display:flex;flex-wrap:wrap;gap:6px 14px;margin:0 0 14px;padding:0;list-style:none;font-size:12px;color:#4b5563}}
.text{{white-space:pre-wrap;overflow-wrap:break-word;font:16px/1.9 Georgia,"Times New Roman",serif;color:#111827;border-top:1px solid #eef0f3;padding-top:14px}}
mark.e{{color:inherit;border-radius:3px;border-bottom:2px solid;padding:1px 2px}}
mark.e::after{{content:attr(data-type);margin-left:4px;font:700 9px/1 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;letter-spacing:.04em;vertical-align:1px}}
.chip{{display:inline-block;border-radius:4px;border:1px solid;padding:0 6px;font-size:11px;font-weight:700;letter-spacing:.04em;line-height:18px;white-space:nowrap}}
.party{{display:inline-block;border-radius:4px;border-left:3px solid;padding:0 6px;margin:1px 4px 1px 0;white-space:nowrap}}
table{{width:100%;border-collapse:collapse;font-size:13.5px}}
th,td{{text-align:left;vertical-align:top;padding:6px 10px;border-bottom:1px solid #eef0f3}}
thead th{{color:#6b7280;font-size:11.5px;font-weight:600;text-transform:uppercase;letter-spacing:.05em;border-bottom:1px solid #d1d5db}}
tbody th{{background:#f9fafb;font-weight:500;color:#4b5563;padding-top:9px}}
td.n{{text-align:right;font-variant-numeric:tabular-nums}}
td.k{{white-space:nowrap}}
.id{{color:#9ca3af;font-variant-numeric:tabular-nums}}
.sub,.forms{{color:#6b7280}}
.sub{{font-size:12px;margin-left:6px}}
.badge{{display:inline-block;margin-left:6px;padding:0 5px;border-radius:3px;background:#f3f4f6;color:#4b5563;font-size:11px}}
.none{{color:#6b7280;font-size:14px;margin:0}}
{palette}</style>
</head>
<body>
<main>
<header class="report"><h1>lede report</h1><p>Entities, values and agreements found by lede {version}.</p></header>
)";

// One class per style: its fill, and its accent for borders and labels.
std::string PaletteCss() {
  std::string css;
  const auto styles = TypeStyles();
  for (size_t i = 0; i < styles.size(); ++i) {
    css += fmt::format(".t{0}{{background:{1};border-color:{2}}}.t{0}::after,.chip.t{0}{{color:{2}}}\n", i,
                       styles[i].background, styles[i].accent);
  }
  return css;
}

// "1 mention", "2 mentions".
std::string Counted(size_t n, std::string_view noun, std::string_view plural) {
  return fmt::format("{} {}", n, n == 1 ? noun : plural);
}

std::string StyleClass(std::string_view type) { return fmt::format("t{}", StyleIndex(type)); }

// What names an entity in a table or a tooltip: its canonical name, else
// its value.
std::string_view Label(const Entity& entity) {
  return entity.attributes.canonical.empty() ? std::string_view(entity.attributes.value.text)
                                             : std::string_view(entity.attributes.canonical);
}

// "patent_license" -> "patent license".
std::string Words(std::string_view name) {
  std::string words(name);
  std::replace(words.begin(), words.end(), '_', ' ');
  return HtmlEscape(words);
}

// The entities of one type, as the legend and the entity table show them.
struct TypeGroup {
  std::string_view type;
  std::vector<const Entity*> entities;
  size_t mentions = 0;
};

// Groups in palette order (names, places, times, amounts), other types after
// in alphabetical order.
std::vector<TypeGroup> GroupByType(const Document& doc) {
  std::map<std::pair<size_t, std::string_view>, TypeGroup> groups;
  for (const Entity& entity : doc.entities) {
    TypeGroup& group = groups[{StyleIndex(entity.type), entity.type}];
    group.type = entity.type;
    group.entities.push_back(&entity);
    group.mentions += entity.mentions.size();
  }
  std::vector<TypeGroup> out;
  for (auto& [key, group] : groups) out.push_back(std::move(group));
  return out;
}

void AppendMarkedText(const Document& doc, std::string* out) {
  out->append("<div class=\"text\">");
  uint32_t at = 0;
  for (const EntityMention& m : MentionsInTextOrder(doc, false)) {
    const Span span = m.mention->span;
    const Entity& entity = *m.entity;
    out->append(HtmlEscape(doc.Text(Span{at, span.begin})));
    *out += fmt::format(R"(<mark class="e {}" data-type="{}" data-entity="{}" title="{} {}: {}">{}</mark>)",
                        StyleClass(entity.type), HtmlEscape(entity.type), HtmlEscape(entity.id), HtmlEscape(entity.id),
                        HtmlEscape(entity.type), HtmlEscape(Label(entity)), HtmlEscape(doc.Text(span)));
    at = span.end;
  }
  out->append(HtmlEscape(doc.Text(Span{at, static_cast<uint32_t>(doc.text.size())})));
  out->append("</div>\n");
}

// The value cell: "10–15 USD", with TIMEX3 modifiers aside.
std::string ValueCell(const Attributes& a) {
  std::string cell = HtmlEscape(a.value.text);
  if (!a.value_max.empty()) cell += "\u2013" + HtmlEscape(a.value_max.text);
  for (const std::string* part : {&a.currency, &a.unit}) {
    if (!part->empty()) cell += " " + HtmlEscape(*part);
  }
  for (const std::string* part : {&a.mod, &a.freq}) {
    if (!part->empty()) cell += fmt::format(R"(<span class="sub">{}</span>)", HtmlEscape(*part));
  }
  return cell;
}

void AppendEntityTable(const std::vector<TypeGroup>& groups, const Document& doc, std::string* out) {
  out->append("<h3>Entities</h3>\n");
  if (groups.empty()) {
    out->append("<p class=\"none\">No entities found.</p>\n");
    return;
  }
  out->append(
      "<table class=\"entities\">\n<thead><tr><th>Id</th><th>Name</th><th>Value</th><th>Code</th>"
      "<th class=\"n\">Mentions</th><th>As written</th></tr></thead>\n");
  for (const TypeGroup& group : groups) {
    *out += fmt::format(
        "<tbody data-type=\"{}\">\n<tr><th colspan=\"6\"><span class=\"chip {}\">{}</span> {}, {}</th></tr>\n",
        HtmlEscape(group.type), StyleClass(group.type), HtmlEscape(group.type),
        Counted(group.entities.size(), "entity", "entities"), Counted(group.mentions, "mention", "mentions"));
    for (const Entity* entity : group.entities) {
      const Attributes& a = entity->attributes;
      std::vector<std::string_view> forms;
      for (const Mention& mention : entity->mentions) {
        std::string_view text = doc.Text(mention.span);
        if (std::find(forms.begin(), forms.end(), text) == forms.end()) forms.push_back(text);
      }
      std::string written;
      for (std::string_view form : forms) written += (written.empty() ? "" : " · ") + HtmlEscape(form);
      std::string code = HtmlEscape(a.code);
      if (!a.ticker.empty()) code += fmt::format(R"(<span class="sub">{}</span>)", HtmlEscape(a.ticker));
      *out += fmt::format(
          "<tr data-entity=\"{}\"><td class=\"id\">{}</td><td>{}{}</td><td>{}</td><td>{}</td>"
          "<td class=\"n\">{}</td><td class=\"forms\">{}</td></tr>\n",
          HtmlEscape(entity->id), HtmlEscape(entity->id), HtmlEscape(a.canonical),
          a.subtype.empty() ? "" : fmt::format(R"(<span class="sub">{}</span>)", HtmlEscape(a.subtype)),
          ValueCell(a), code, entity->mentions.size(), written);
    }
    out->append("</tbody>\n");
  }
  out->append("</table>\n");
}

void AppendAgreementTable(const Document& doc, std::string* out) {
  out->append("<h3>Agreements</h3>\n");
  if (doc.agreements.empty()) {
    out->append("<p class=\"none\">No agreements found.</p>\n");
    return;
  }
  std::map<std::string_view, const Entity*> by_id;
  for (const Entity& entity : doc.entities) by_id[entity.id] = &entity;
  // An entity by its id as a colored name; the bare id if it was filtered out.
  auto named = [&](const std::string& id) -> std::string {
    auto it = by_id.find(id);
    if (it == by_id.end()) return HtmlEscape(id);
    const Entity& e = *it->second;
    return fmt::format(R"(<span class="party {}" title="{} {}">{}</span>)", StyleClass(e.type), HtmlEscape(e.id),
                       HtmlEscape(e.type), HtmlEscape(Label(e)));
  };
  out->append(
      "<table class=\"agreements\">\n<thead><tr><th>Id</th><th>Kind</th><th>Status</th><th>Parties</th>"
      "<th>Trigger</th><th>Date</th><th>Terms</th></tr></thead>\n<tbody>\n");
  for (const Agreement& a : doc.agreements) {
    std::string status = Words(a.status);
    for (auto [flag, name] : {std::pair{a.negated, "negated"}, {a.hedged, "hedged"}, {a.continues, "continues"}}) {
      if (flag) status += fmt::format(R"(<span class="badge">{}</span>)", name);
    }
    std::string parties;
    for (const std::string& party : a.parties) {
      parties += named(party);
      for (const auto& [role, entity] : a.roles) {
        if (entity == party) parties += fmt::format(R"(<span class="sub">{}</span> )", HtmlEscape(role));
      }
    }
    std::vector<std::string> terms;
    if (!a.duration.empty()) terms.push_back("duration " + HtmlEscape(a.duration));
    if (!a.value.empty()) terms.push_back("worth " + named(a.value));
    if (!a.count.empty()) terms.push_back(HtmlEscape(a.count) + " deals");
    if (!a.counterparty_count.empty()) terms.push_back(HtmlEscape(a.counterparty_count) + " counterparties");
    std::string terms_cell;
    for (const std::string& term : terms) terms_cell += (terms_cell.empty() ? "" : ", ") + term;
    *out += fmt::format(
        "<tr data-agreement=\"{}\"><td class=\"id\">{}</td><td class=\"k\">{}</td><td class=\"k\">{}</td><td>{}</td>"
        "<td>{}<span class=\"sub\">sentence {}</span></td><td class=\"k\">{}</td><td>{}</td></tr>\n",
        HtmlEscape(a.id), HtmlEscape(a.id), Words(a.kind), status, parties, HtmlEscape(doc.Text(a.trigger)),
        a.sentence, a.date.empty() ? "" : named(a.date), terms_cell);
  }
  out->append("</tbody>\n</table>\n");
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string HtmlPageStart() {
  return fmt::format(fmt::runtime(kHead), fmt::arg("version", LEDE_VERSION), fmt::arg("palette", PaletteCss()));
}

std::string HtmlDocument(const Document& doc) {
  std::string out = fmt::format("<section class=\"doc\">\n<h2>{}</h2>\n", HtmlEscape(doc.id));
  if (!doc.error.empty()) return out + fmt::format("<p class=\"error\">error: {}</p>\n</section>\n", HtmlEscape(doc.error));
  if (doc.skipped) return out + fmt::format("<p>{}</p>\n</section>\n", HtmlEscape(doc.warnings.front().message));
  const std::vector<TypeGroup> groups = GroupByType(doc);
  size_t mentions = 0;
  for (const TypeGroup& group : groups) mentions += group.mentions;
  // Where the document date came from, in the words of the command line.
  const std::map<std::string_view, std::string_view> sources = {
      {"option", "--dct"}, {"input", "from the input"}, {"dateline", "from the dateline"}};
  auto source = sources.find(doc.dct_source);
  std::string date = doc.dct.empty() ? "no document date"
                                     : fmt::format("dated {} ({})", HtmlEscape(doc.dct),
                                                   HtmlEscape(source == sources.end() ? doc.dct_source : source->second));
  out += fmt::format("<p class=\"meta\">{} · {} · {} · {}, {} · {}</p>\n", date,
                     Counted(doc.input_bytes, "byte", "bytes"), Counted(doc.sentences.size(), "sentence", "sentences"),
                     Counted(doc.entities.size(), "entity", "entities"), Counted(mentions, "mention", "mentions"),
                     Counted(doc.agreements.size(), "agreement", "agreements"));
  if (!doc.warnings.empty()) {
    out.append("<ul class=\"warnings\">\n");
    for (const Warning& w : doc.warnings) {
      out += fmt::format("<li>{}: {}</li>\n", HtmlEscape(w.code), HtmlEscape(w.message));
    }
    out.append("</ul>\n");
  }
  if (!groups.empty()) {
    out.append("<ul class=\"legend\">\n");
    for (const TypeGroup& group : groups) {
      out += fmt::format("<li data-type=\"{}\"><span class=\"chip {}\">{}</span> {}</li>\n", HtmlEscape(group.type),
                         StyleClass(group.type), HtmlEscape(group.type), group.mentions);
    }
    out.append("</ul>\n");
  }
  AppendMarkedText(doc, &out);
  AppendEntityTable(groups, doc, &out);
  AppendAgreementTable(doc, &out);
  out.append("</section>\n");
  return out;
}

std::string HtmlPageEnd(const std::vector<std::pair<std::string, std::string>>& packs) {
  std::string names;
  for (const auto& [name, version] : packs) {
    names += fmt::format("{}{} {}", names.empty() ? "" : ", ", HtmlEscape(name), HtmlEscape(version));
  }
  return fmt::format("<footer>Made by lede {}{}.</footer>\n</main>\n</body>\n</html>\n", LEDE_VERSION,
                     names.empty() ? "" : " with the rule packs " + names);
}

}  // namespace lede
