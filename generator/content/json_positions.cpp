#include "content/json_positions.h"

namespace ashyq {
namespace {

class PositionScanner {
 public:
  explicit PositionScanner(std::string_view text) : text_(text) {}

  std::map<std::string, std::pair<int, int>> run() {
    // A BOM, as editors on Windows write; no column an editor shows.
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    skip_space();
    value("");
    return std::move(out_);
  }

 private:
  void advance() {
    if (pos_ < text_.size()) {
      if (text_[pos_] == '\n') {
        ++line_;
        column_ = 0;
        ++pos_;
        return;
      }
      ++pos_;
      // Columns count characters: a character is done when the next byte is not a UTF-8
      // continuation byte.
      if (pos_ >= text_.size() || (static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80)
        ++column_;
    }
  }
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r'))
      advance();
  }
  std::pair<int, int> here() const { return {line_, column_ + 1}; }

  // Reads a string token and returns its decoded content (escapes other than \uXXXX resolved; \u
  // sequences kept literally, which is enough for keys that are ASCII identifiers).
  std::string string_token() {
    std::string s;
    advance();  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\') {
        advance();
        const char c = peek();
        switch (c) {
          case 'n':
            s += '\n';
            break;
          case 't':
            s += '\t';
            break;
          case 'r':
            s += '\r';
            break;
          case 'b':
            s += '\b';
            break;
          case 'f':
            s += '\f';
            break;
          case 'u':
            s += "\\u";
            break;
          default:
            s += c;
        }
        advance();
        continue;
      }
      s += text_[pos_];
      advance();
    }
    advance();  // closing quote
    return s;
  }

  bool value(const std::string& pointer) {
    if (!out_.count(pointer)) out_[pointer] = here();
    const char c = peek();
    if (c == '{') {
      advance();
      skip_space();
      if (peek() == '}') {
        advance();
        return true;
      }
      while (pos_ < text_.size()) {
        skip_space();
        if (peek() != '"') return false;
        const auto key_position = here();
        const std::string child = pointer + "/" + json_pointer_escape(string_token());
        out_[child] = key_position;
        skip_space();
        if (peek() != ':') return false;
        advance();
        skip_space();
        if (!value(child)) return false;
        skip_space();
        if (peek() == ',') {
          advance();
          continue;
        }
        if (peek() == '}') {
          advance();
          return true;
        }
        return false;
      }
      return false;
    }
    if (c == '[') {
      advance();
      skip_space();
      if (peek() == ']') {
        advance();
        return true;
      }
      for (int index = 0; pos_ < text_.size(); ++index) {
        skip_space();
        if (!value(pointer + "/" + std::to_string(index))) return false;
        skip_space();
        if (peek() == ',') {
          advance();
          continue;
        }
        if (peek() == ']') {
          advance();
          return true;
        }
        return false;
      }
      return false;
    }
    if (c == '"') {
      string_token();
      return true;
    }
    // number, true, false, null
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
           text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' && text_[pos_] != '\t')
      advance();
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 0;  // characters before pos_ on its line
  std::map<std::string, std::pair<int, int>> out_;
};

}  // namespace

std::map<std::string, std::pair<int, int>> index_json_positions(std::string_view text) {
  return PositionScanner(text).run();
}

std::string json_pointer_escape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

}  // namespace ashyq
