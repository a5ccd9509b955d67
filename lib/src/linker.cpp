#include "linker.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "rules_impl.h"
#include "segmenter.h"

namespace lede {
namespace {

std::string LinkKey(const NormalizedMention& mention, std::string_view text) {
  const Attributes& a = mention.attributes;
  std::string key = mention.rule->info.type;
  key.push_back('\x1f');
  if (!a.code.empty()) return key.append("code:").append(a.code);
  if (!a.canonical.empty()) return key.append("name:").append(a.canonical);
  if (!a.value.empty()) {
    key.append("value:");
    for (const std::string* part : {&a.value.text, &a.mod, &a.freq, &a.currency, &a.unit}) {
      key.append(*part).push_back('\x1f');
    }
    return key;
  }
  return key.append("text:").append(text);
}

}  // namespace

void LinkMentions(const std::vector<NormalizedMention>& mentions, Document* doc) {
  std::unordered_map<std::string, size_t> entity_of_key;
  for (const NormalizedMention& mention : mentions) {
    std::string_view text = doc->Text(mention.span);
    auto [it, added] = entity_of_key.emplace(LinkKey(mention, text), doc->entities.size());
    if (added) {
      Entity entity;
      entity.id = "E" + std::to_string(doc->entities.size() + 1);
      entity.type = mention.rule->info.type;
      entity.attributes = mention.attributes;
      if (entity.attributes.canonical.empty() && entity.attributes.value.empty()) {
        entity.attributes.canonical = std::string(text);
      }
      doc->entities.push_back(std::move(entity));
    }
    doc->entities[it->second].mentions.push_back(
        Mention{mention.span, SentenceIndex(doc->sentences, mention.span.begin), mention.rule->info.id});
  }
}

}  // namespace lede
