#include "lede/writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "highlight.h"
#include "html_writer.h"
#include "json.h"
#include "offsets.h"

namespace lede {
namespace {

constexpr std::string_view kSchema = "lede/1";

void OptionalString(JsonBuilder& json, std::string_view key, const std::string& value) {
  if (value.empty()) return;
  json.Key(key);
  json.String(value);
}

void WriteValue(JsonBuilder& json, std::string_view key, const Value& value) {
  if (value.empty()) return;
  json.Key(key);
  if (value.kind == Value::Kind::kNumber) {
    json.Number(value.text);
  } else {
    json.String(value.text);
  }
}

// "start", "end" and "text" of a span, inside an open object.
void WriteSpan(JsonBuilder& json, const Document& doc, Span span, const OffsetMap& offsets) {
  json.Key("start");
  json.Number(offsets.Convert(span.begin));
  json.Key("end");
  json.Number(offsets.Convert(span.end));
  json.Key("text");
  json.String(doc.Text(span));
}

void WriteEntity(JsonBuilder& json, const Document& doc, const Entity& entity, const OffsetMap& offsets) {
  const Attributes& a = entity.attributes;
  json.BeginObject();
  json.Key("id");
  json.String(entity.id);
  json.Key("type");
  json.String(entity.type);
  OptionalString(json, "subtype", a.subtype);
  OptionalString(json, "canonical", a.canonical);
  WriteValue(json, "value", a.value);
  WriteValue(json, "value_max", a.value_max);
  OptionalString(json, "timex_type", a.timex_type);
  OptionalString(json, "mod", a.mod);
  OptionalString(json, "freq", a.freq);
  OptionalString(json, "code", a.code);
  OptionalString(json, "country", a.country);
  OptionalString(json, "ticker", a.ticker);
  OptionalString(json, "currency", a.currency);
  OptionalString(json, "unit", a.unit);
  json.Key("mentions");
  json.BeginArray();
  for (const Mention& mention : entity.mentions) {
    json.BeginObject();
    WriteSpan(json, doc, mention.span, offsets);
    json.Key("sentence");
    json.Number(mention.sentence);
    json.Key("rule");
    json.String(mention.rule);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

void WriteAgreement(JsonBuilder& json, const Document& doc, const Agreement& agreement, const OffsetMap& offsets) {
  json.BeginObject();
  json.Key("id");
  json.String(agreement.id);
  json.Key("kind");
  json.String(agreement.kind);
  json.Key("status");
  json.String(agreement.status);
  json.Key("parties");
  json.BeginArray();
  for (const std::string& party : agreement.parties) json.String(party);
  json.EndArray();
  if (!agreement.roles.empty()) {
    json.Key("roles");
    json.BeginObject();
    for (const auto& [role, entity] : agreement.roles) {
      json.Key(role);
      json.String(entity);
    }
    json.EndObject();
  }
  json.Key("trigger");
  json.BeginObject();
  WriteSpan(json, doc, agreement.trigger, offsets);
  json.EndObject();
  json.Key("sentence");
  json.Number(agreement.sentence);
  OptionalString(json, "date", agreement.date);
  OptionalString(json, "duration", agreement.duration);
  OptionalString(json, "value", agreement.value);
  for (auto [key, number] : {std::pair{"count", &agreement.count}, {"counterparty_count", &agreement.counterparty_count}}) {
    if (number->empty()) continue;
    json.Key(key);
    json.Number(*number);
  }
  json.Key("negated");
  json.Bool(agreement.negated);
  json.Key("hedged");
  json.Bool(agreement.hedged);
  json.Key("continues");
  json.Bool(agreement.continues);
  json.EndObject();
}

std::string JsonRecord(const Document& doc, const WriterOptions& options) {
  std::string out;
  out.reserve(512 + doc.entities.size() * 160);
  JsonBuilder json(&out, options.pretty);
  json.BeginObject();
  json.Key("schema");
  json.String(kSchema);
  json.Key("id");
  json.String(doc.id);
  if (!doc.meta.empty()) {
    json.Key("meta");
    json.BeginObject();
    for (const auto& [name, value] : doc.meta) {
      json.Key(name);
      json.Raw(value);
    }
    json.EndObject();
  }
  if (!doc.error.empty()) {
    json.Key("error");
    json.String(doc.error);
  } else if (!doc.skipped) {
    json.Key("dct");
    if (doc.dct.empty()) {
      json.Null();
    } else {
      json.String(doc.dct);
      json.Key("dct_source");
      json.String(doc.dct_source);
    }
    json.Key("language");
    json.String(doc.language);
    json.Key("packs");
    json.BeginObject();
    for (const auto& [name, version] : options.packs) {
      json.Key(name);
      json.String(version);
    }
    json.EndObject();
    json.Key("stats");
    json.BeginObject();
    json.Key("bytes");
    json.Number(doc.input_bytes);
    json.Key("sentences");
    json.Number(doc.sentences.size());
    json.Key("tokens");
    json.Number(doc.tokens.size());
    json.EndObject();
  }
  const OffsetMap offsets(doc.text, options.offsets);
  json.Key("entities");
  json.BeginArray();
  for (const Entity& entity : doc.entities) WriteEntity(json, doc, entity, offsets);
  json.EndArray();
  json.Key("agreements");
  json.BeginArray();
  for (const Agreement& agreement : doc.agreements) WriteAgreement(json, doc, agreement, offsets);
  json.EndArray();
  json.Key("warnings");
  json.BeginArray();
  for (const Warning& warning : doc.warnings) {
    json.BeginObject();
    json.Key("code");
    json.String(warning.code);
    json.Key("message");
    json.String(warning.message);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return out;
}

constexpr std::string_view kTsvHeader = "id\tentity\ttype\ttext\tcanonical\tvalue\tcode\tstart\tend\tsentence\n";

// A TSV field: tabs and line breaks would break the row, so they are
// written as \t, \n and \r, and a backslash as \\.
void AppendTsvField(std::string_view field, std::string* out) {
  for (char c : field) {
    switch (c) {
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\\': out->append("\\\\"); break;
      default: out->push_back(c);
    }
  }
}

// One row per mention, in text order; an error record has none.
std::string TsvRows(const Document& doc, const WriterOptions& options) {
  std::string out;
  if (!doc.error.empty()) return out;
  const OffsetMap offsets(doc.text, options.offsets);
  for (const EntityMention& m : MentionsInTextOrder(doc, true)) {
    const Attributes& a = m.entity->attributes;
    for (std::string_view field :
         {std::string_view(doc.id), std::string_view(m.entity->id), std::string_view(m.entity->type),
          doc.Text(m.mention->span), std::string_view(a.canonical), std::string_view(a.value.text),
          std::string_view(a.code)}) {
      AppendTsvField(field, &out);
      out.push_back('\t');
    }
    out += fmt::format("{}\t{}\t{}\n", offsets.Convert(m.mention->span.begin), offsets.Convert(m.mention->span.end),
                       m.mention->sentence);
  }
  return out;
}

// Outside a terminal, brackets mark mentions; a backslash escapes the text's
// own brackets and backslashes, so that the marks can be read back exactly.
void AppendBracketEscaped(std::string_view text, std::string* out) {
  for (char c : text) {
    if (c == '\\' || c == '[' || c == ']') out->push_back('\\');
    out->push_back(c);
  }
}

// The text with its mentions marked, under a heading naming the document.
std::string MarkedText(const Document& doc, bool color) {
  const Painter paint(color);
  std::string out = paint("1", fmt::format("==> {} <==", doc.id)) + "\n";
  if (!doc.error.empty()) return out + fmt::format("error: {}\n", doc.error);
  if (doc.skipped) return out + doc.warnings.front().message + "\n";
  auto plain = [&](std::string_view text) {
    if (color) {
      out.append(text);
    } else {
      AppendBracketEscaped(text, &out);
    }
  };
  uint32_t at = 0;
  for (const EntityMention& m : MentionsInTextOrder(doc, false)) {
    const Span span = m.mention->span;
    plain(doc.Text(Span{at, span.begin}));
    if (color) {
      out += paint.Type(m.entity->type, doc.Text(span));
    } else {
      out.push_back('[');
      AppendBracketEscaped(doc.Text(span), &out);
      out += fmt::format("]{{{}}}", m.entity->type);
    }
    at = span.end;
  }
  plain(doc.Text(Span{at, static_cast<uint32_t>(doc.text.size())}));
  if (!out.ends_with('\n')) out.push_back('\n');
  // In color the types are not written beside the mentions: a legend names
  // the colors, in order of first mention.
  if (color && !doc.entities.empty()) {
    std::vector<std::string_view> types;
    for (const Entity& entity : doc.entities) {
      if (std::find(types.begin(), types.end(), entity.type) == types.end()) types.push_back(entity.type);
    }
    for (size_t i = 0; i < types.size(); ++i) {
      out += (i == 0 ? "" : "  ") + paint.Type(types[i], types[i]);
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace

Writer::Writer(WriterOptions options) : options_(std::move(options)) {}

std::string Writer::Format(const Document& doc) const {
  switch (options_.format) {
    case OutputFormat::kJsonl:
    case OutputFormat::kJson: return JsonRecord(doc, options_);
    case OutputFormat::kTsv: return TsvRows(doc, options_);
    case OutputFormat::kText: return MarkedText(doc, options_.color);
    case OutputFormat::kHtml: return HtmlDocument(doc);
  }
  return {};
}

void Writer::Begin(std::string* out) {
  first_ = true;
  switch (options_.format) {
    case OutputFormat::kJson: out->append("["); break;
    case OutputFormat::kTsv: out->append(kTsvHeader); break;
    case OutputFormat::kHtml: out->append(HtmlPageStart()); break;
    default: break;
  }
}

void Writer::Add(std::string_view record, std::string* out) {
  if (options_.format == OutputFormat::kJson) out->append(first_ ? "\n" : ",\n");
  if (options_.format == OutputFormat::kText && !first_) out->push_back('\n');  // a blank line between texts
  out->append(record);
  if (options_.format == OutputFormat::kJsonl) out->push_back('\n');
  first_ = false;
}

void Writer::End(std::string* out) {
  if (options_.format == OutputFormat::kJson) out->append(first_ ? "]\n" : "\n]\n");
  if (options_.format == OutputFormat::kHtml) out->append(HtmlPageEnd(options_.packs));
}

}  // namespace lede
