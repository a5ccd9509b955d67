#include "html_writer.h"

#include <doctest/doctest.h>

#include "lede/writer.h"

namespace lede {
namespace {

size_t Count(std::string_view haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

Document Hostile() {
  Document doc;
  doc.id = "<script>alert('id')</script>.txt";
  doc.text = "Acme & <b>Co</b> said \"onerror=alert(1)\" <script>alert(1)</script>";
  Entity org{"E1", "ORG", Attributes{}, {Mention{Span{0, 16}, 0, "r"}}};
  org.attributes.canonical = "Acme \"<img src=x onerror=alert(2)>";
  doc.entities.push_back(org);
  Agreement deal;
  deal.id = "A1";
  deal.kind = "merger";
  deal.status = "signed";
  deal.parties = {"E1"};
  deal.trigger = Span{41, 49};  // "<script>"
  doc.agreements.push_back(deal);
  doc.warnings.push_back(Warning{"bom", "<removed>"});
  return doc;
}

TEST_CASE("html: escaping covers the five characters HTML gives meaning") {
  CHECK(HtmlEscape("") == "");
  CHECK(HtmlEscape("plain caf\xC3\xA9") == "plain caf\xC3\xA9");
  CHECK(HtmlEscape(R"(<a href="x" title='y'>&amp;</a>)") ==
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
}

TEST_CASE("html: no text from the input reaches the page unescaped") {
  const std::string section = HtmlDocument(Hostile());
  CHECK(section.find("<script") == std::string::npos);
  CHECK(section.find("<img") == std::string::npos);
  CHECK(section.find("<b>") == std::string::npos);
  CHECK(section.find("\"onerror") == std::string::npos);
  CHECK(section.find("<h2>&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;.txt</h2>") != std::string::npos);
  CHECK(section.find(R"(<mark class="e t1" data-type="ORG" data-entity="E1" title="E1 ORG: Acme &quot;&lt;img src=x )"
                     R"(onerror=alert(2)&gt;">Acme &amp; &lt;b&gt;Co&lt;/b&gt;</mark> said &quot;onerror=alert(1)&quot; )"
                     R"(&lt;script&gt;alert(1)&lt;/script&gt;</div>)") != std::string::npos);
  CHECK(section.find("<li>bom: &lt;removed&gt;</li>") != std::string::npos);
  CHECK(section.find("<td>&lt;script&gt;<span class=\"sub\">sentence 0</span></td>") != std::string::npos);
}

TEST_CASE("html: the page frames the documents; style inline, no script, nothing loaded") {
  WriterOptions options;
  options.format = OutputFormat::kHtml;
  options.packs = {{"orgs", "1.0"}};
  Writer writer(options);
  std::string page;
  writer.Begin(&page);
  writer.Add(writer.Format(Hostile()), &page);
  writer.End(&page);
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
  CHECK(page.ends_with("<footer>Made by lede " LEDE_VERSION " with the rule packs orgs 1.0.</footer>\n</main>\n</body>\n</html>\n"));
  CHECK(Count(page, "<section class=\"doc\">") == 1);
  CHECK(page.find("content=\"default-src 'none'; style-src 'unsafe-inline'\"") != std::string::npos);
  CHECK(Count(page, "<script") == 0);
  CHECK(Count(page, "://") == 0);
  CHECK(Count(page, "url(") == 0);
  CHECK(Count(page, "@import") == 0);
}

TEST_CASE("html: the entity table groups by type in palette order, with counts") {
  Document doc;
  doc.id = "d";
  doc.text = "40% of Nokia and Nokia Oyj in Finland";
  Entity percent{"E1", "PERCENT", Attributes{}, {Mention{Span{0, 3}, 0, "r"}}};
  percent.attributes.value = Value::Number("40");
  Entity nokia{"E2", "ORG", Attributes{}, {Mention{Span{7, 12}, 0, "r"}, Mention{Span{17, 26}, 0, "r"}}};
  nokia.attributes.canonical = "Nokia";
  nokia.attributes.subtype = "company";
  nokia.attributes.ticker = "HEL:NOKIA";
  Entity finland{"E3", "GPE", Attributes{}, {Mention{Span{30, 37}, 0, "r"}}};
  finland.attributes.canonical = "Finland";
  finland.attributes.code = "FI";
  doc.entities = {percent, nokia, finland};
  const std::string section = HtmlDocument(doc);
  CHECK(section.find("<p class=\"meta\">no document date · 0 bytes · 0 sentences · 3 entities, 4 mentions · 0 "
                     "agreements</p>") != std::string::npos);
  CHECK(section.find("<ul class=\"legend\">\n<li data-type=\"ORG\"><span class=\"chip t1\">ORG</span> 2</li>\n"
                     "<li data-type=\"GPE\"><span class=\"chip t2\">GPE</span> 1</li>\n"
                     "<li data-type=\"PERCENT\"><span class=\"chip t8\">PERCENT</span> 1</li>\n</ul>") != std::string::npos);
  CHECK(section.find("<tbody data-type=\"ORG\">\n<tr><th colspan=\"6\"><span class=\"chip t1\">ORG</span> 1 entity, 2 "
                     "mentions</th></tr>\n<tr data-entity=\"E2\"><td class=\"id\">E2</td><td>Nokia<span "
                     "class=\"sub\">company</span></td><td></td><td><span class=\"sub\">HEL:NOKIA</span></td><td "
                     "class=\"n\">2</td><td class=\"forms\">Nokia · Nokia Oyj</td></tr>\n</tbody>") != std::string::npos);
  CHECK(section.find("<tr data-entity=\"E1\"><td class=\"id\">E1</td><td></td><td>40</td><td></td><td class=\"n\">1</td>") !=
        std::string::npos);
  CHECK(section.find("<p class=\"none\">No agreements found.</p>") != std::string::npos);
  CHECK(Count(section, "<mark ") == 4);
}

TEST_CASE("html: an agreement row names its parties, roles, date and terms") {
  Document doc;
  doc.id = "d";
  doc.text = "Acme agreed to buy Zenith on Monday";
  Entity acme{"E1", "ORG", Attributes{}, {Mention{Span{0, 4}, 0, "r"}}};
  acme.attributes.canonical = "Acme";
  Entity zenith{"E2", "ORG", Attributes{}, {Mention{Span{19, 25}, 0, "r"}}};
  zenith.attributes.canonical = "Zenith";
  Entity monday{"E3", "DATE", Attributes{}, {Mention{Span{29, 35}, 0, "r"}}};
  monday.attributes.value = Value::String("2022-11-28");
  doc.entities = {acme, zenith, monday};
  Agreement deal;
  deal.id = "A1";
  deal.kind = "acquisition";
  deal.status = "under_negotiation";
  deal.parties = {"E1", "E2"};
  deal.roles = {{"acquirer", "E1"}, {"target", "E2"}};
  deal.trigger = Span{5, 18};
  deal.date = "E3";
  deal.duration = "P5Y";
  deal.hedged = true;
  doc.agreements.push_back(deal);
  CHECK(HtmlDocument(doc).find(
            "<tr data-agreement=\"A1\"><td class=\"id\">A1</td><td class=\"k\">acquisition</td><td class=\"k\">under "
            "negotiation<span "
            "class=\"badge\">hedged</span></td><td><span class=\"party t1\" title=\"E1 ORG\">Acme</span><span "
            "class=\"sub\">acquirer</span> <span class=\"party t1\" title=\"E2 ORG\">Zenith</span><span "
            "class=\"sub\">target</span> </td><td>agreed to buy<span class=\"sub\">sentence 0</span></td><td class=\"k\"><span "
            "class=\"party t5\" title=\"E3 DATE\">2022-11-28</span></td><td>duration P5Y</td></tr>") != std::string::npos);
}

TEST_CASE("html: an error record is a section with its message") {
  Document doc;
  doc.id = "missing.txt";
  doc.error = "cannot open: <gone>";
  CHECK(HtmlDocument(doc) ==
        "<section class=\"doc\">\n<h2>missing.txt</h2>\n<p class=\"error\">error: cannot open: &lt;gone&gt;</p>\n"
        "</section>\n");
}

TEST_CASE("html: a skipped input is a section saying why") {
  Document doc;
  doc.id = "logo.png";
  doc.skipped = true;
  doc.warnings.push_back(Warning{"binary", "binary file (a NUL byte in the first 8 KiB), skipped"});
  CHECK(HtmlDocument(doc) == "<section class=\"doc\">\n<h2>logo.png</h2>\n"
                             "<p>binary file (a NUL byte in the first 8 KiB), skipped</p>\n</section>\n");
}

}  // namespace
}  // namespace lede
