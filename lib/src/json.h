// JsonBuilder: appends JSON to a string, compact or indented, with keys in
// the order they are written (so records have a stable key order).
#ifndef LEDE_SRC_JSON_H_
#define LEDE_SRC_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

// Appends `s` as a quoted JSON string that is valid UTF-8 and holds no
// control character: C0 and C1 controls, DEL and U+2028/U+2029 are escaped,
// so a record stays one line in any tool, prints safely on a terminal and
// embeds in JavaScript. Invalid UTF-8 (a file name can be any bytes) becomes
// U+FFFD, one per maximal invalid subpart, as the Decoder does.
void AppendJsonString(std::string_view s, std::string* out);

class JsonBuilder {
 public:
  JsonBuilder(std::string* out, bool pretty) : out_(out), pretty_(pretty) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // Inside an object, the key of the value written next.
  void Key(std::string_view key);

  void String(std::string_view s);
  // `digits` must already be a valid JSON number.
  void Number(std::string_view digits);
  void Number(uint64_t n);
  // A value already serialized as valid, compact JSON; written as it is.
  void Raw(std::string_view json);
  void Null();
  void Bool(bool b);

 private:
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);
  void NewLine();

  std::string* out_;
  bool pretty_;
  bool after_key_ = false;
  std::vector<bool> has_items_;  // per open object or array
};

}  // namespace lede

#endif  // LEDE_SRC_JSON_H_
