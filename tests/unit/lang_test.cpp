#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/lang.h"

namespace ashyq {
namespace {

static_assert(sizeof(LocalizedText) == sizeof(void*));
// std::vector moves its elements when it grows only if the move cannot throw.
static_assert(std::is_nothrow_move_constructible_v<LocalizedText>);
static_assert(std::is_nothrow_move_assignable_v<LocalizedText>);
// A view into a temporary would dangle by the end of the statement, so asking one does not compile.
template <typename T>
constexpr bool can_ask_language = requires(T&& t) {
  std::forward<T>(t).in(Lang::kk);
};
static_assert(can_ask_language<const LocalizedText&>);
static_assert(can_ask_language<LocalizedText&>);
static_assert(!can_ask_language<LocalizedText>);

TEST_CASE("An empty LocalizedText has neither language") {
  const LocalizedText text;
  CHECK(text.empty());
  for (Lang lang : kAllLangs) {
    CHECK_FALSE(text.has(lang));
    CHECK(text.in(lang).empty());
  }
  CHECK(LocalizedText("", "").empty());
  CHECK(text == LocalizedText("", ""));
}

TEST_CASE("LocalizedText keeps what is set in each language") {
  LocalizedText text;
  text.set(Lang::kk, "Жастар форумы");
  CHECK(text.in(Lang::kk) == "Жастар форумы");
  CHECK(text.in(Lang::ru) == "");
  CHECK(text.has(Lang::kk));
  CHECK_FALSE(text.has(Lang::ru));
  CHECK_FALSE(text.empty());

  text.set(Lang::ru, "Молодёжный форум");
  CHECK(text.in(Lang::kk) == "Жастар форумы");
  CHECK(text.in(Lang::ru) == "Молодёжный форум");

  text.set(Lang::kk, "Форум");  // replacing one language keeps the other
  CHECK(text.in(Lang::kk) == "Форум");
  CHECK(text.in(Lang::ru) == "Молодёжный форум");

  text.set(Lang::kk, "");
  CHECK_FALSE(text.has(Lang::kk));
  CHECK(text.in(Lang::ru) == "Молодёжный форум");
  CHECK_FALSE(text.empty());

  text.set(Lang::ru, "");  // both gone: empty again
  CHECK(text.empty());
  CHECK(text == LocalizedText());
}

TEST_CASE("LocalizedText keeps one language only, long texts and every byte") {
  const LocalizedText only_ru("", "Только по-русски");
  CHECK_FALSE(only_ru.has(Lang::kk));
  CHECK(only_ru.in(Lang::ru) == "Только по-русски");

  const std::string long_kk(100000, 'k');
  std::string long_ru;
  for (int i = 0; i < 20000; ++i) long_ru += "ё\n\t";
  const LocalizedText long_text(long_kk, long_ru);
  CHECK(long_text.in(Lang::kk) == long_kk);
  CHECK(long_text.in(Lang::ru) == long_ru);

  const std::string with_nul("a\0b", 3);  // lengths are kept, nothing is a terminator
  const LocalizedText nul(with_nul, with_nul);
  CHECK(nul.in(Lang::kk) == with_nul);
  CHECK(nul.in(Lang::ru).size() == 3);
}

TEST_CASE("LocalizedText can be set from a view into itself") {
  LocalizedText text("Қазақша", "По-русски");
  text.set(Lang::ru, text.in(Lang::kk));
  CHECK(text.in(Lang::kk) == "Қазақша");
  CHECK(text.in(Lang::ru) == "Қазақша");
  text.set(Lang::kk, text.in(Lang::kk).substr(2));
  CHECK(text.in(Lang::kk) == std::string_view("Қазақша").substr(2));
}

TEST_CASE("Copies of a LocalizedText are deep and equal") {
  const LocalizedText original("Есеп", "Отчёт");
  LocalizedText copy(original);
  CHECK(copy == original);
  CHECK(copy.in(Lang::kk).data() != original.in(Lang::kk).data());
  copy.set(Lang::kk, "Басқа");
  CHECK(original.in(Lang::kk) == "Есеп");
  CHECK_FALSE(copy == original);

  LocalizedText assigned("x", "y");
  assigned = original;
  CHECK(assigned == original);
  assigned = LocalizedText();  // the empty one too
  CHECK(assigned.empty());
  LocalizedText self("Өзі", "Сам");
  const LocalizedText& alias = self;
  self = alias;  // self-assignment keeps the text
  CHECK(self == LocalizedText("Өзі", "Сам"));
}

TEST_CASE("A moved-from LocalizedText is empty; the move keeps the block") {
  LocalizedText source("Есеп", "Отчёт");
  const char* block = source.in(Lang::kk).data();
  LocalizedText moved(std::move(source));
  CHECK(source.empty());  // NOLINT(bugprone-use-after-move): the state after a move is the point
  CHECK(moved.in(Lang::kk).data() == block);
  CHECK(moved == LocalizedText("Есеп", "Отчёт"));

  LocalizedText target("a", "b");
  target = std::move(moved);
  CHECK(moved.empty());  // NOLINT(bugprone-use-after-move)
  CHECK(target.in(Lang::ru) == "Отчёт");

  std::vector<LocalizedText> texts;
  for (int i = 0; i < 100; ++i) texts.emplace_back(std::to_string(i), "");
  for (int i = 0; i < 100; ++i) CHECK(texts[i].in(Lang::kk) == std::to_string(i));
}

TEST_CASE("LocalizedText equality compares both languages' contents") {
  CHECK(LocalizedText("a", "b") == LocalizedText("a", "b"));
  CHECK_FALSE(LocalizedText("a", "b") == LocalizedText("a", "c"));
  CHECK_FALSE(LocalizedText("a", "b") == LocalizedText("b", "a"));
  // The same bytes split differently between the languages are different texts.
  CHECK_FALSE(LocalizedText("ab", "") == LocalizedText("a", "b"));
  CHECK_FALSE(LocalizedText("ab", "") == LocalizedText("", "ab"));
  CHECK_FALSE(LocalizedText("a", "") == LocalizedText());
  CHECK(LocalizedText("a", "b") != LocalizedText());
}

}  // namespace
}  // namespace ashyq
