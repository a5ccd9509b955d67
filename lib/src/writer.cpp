#include "lede/writer.h"

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

}  // namespace

Writer::Writer(WriterOptions options) : options_(std::move(options)) {}

std::string Writer::Format(const Document& doc) const {
  std::string out;
  out.reserve(512 + doc.entities.size() * 160);
  JsonBuilder json(&out, options_.pretty);
  json.BeginObject();
  json.Key("schema");
  json.String(kSchema);
  json.Key("id");
  json.String(doc.id);
  if (!doc.error.empty()) {
    json.Key("error");
    json.String(doc.error);
  } else {
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
    for (const auto& [name, version] : options_.packs) {
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
  const OffsetMap offsets(doc.text, options_.offsets);
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

void Writer::Begin(std::string* out) {
  first_ = true;
  if (options_.format == OutputFormat::kJson) out->append("[");
}

void Writer::Add(std::string_view record, std::string* out) {
  if (options_.format == OutputFormat::kJson) out->append(first_ ? "\n" : ",\n");
  out->append(record);
  if (options_.format == OutputFormat::kJsonl) out->push_back('\n');
  first_ = false;
}

void Writer::End(std::string* out) {
  if (options_.format == OutputFormat::kJson) out->append(first_ ? "]\n" : "\n]\n");
}

}  // namespace lede
