#include "search/text_analysis.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace ashyq::search {
namespace {

// A word being stemmed, as code points: suffix tests and the Russian regions count letters, not
// bytes. One buffer per thread, so stemming allocates only the returned string.
using Word = std::u32string;

constexpr char32_t kYo = U'ё';
constexpr char32_t kYe = U'е';

void append_utf8(std::string& out, char32_t c) {
  char bytes[U8_MAX_LENGTH];
  std::int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(c));
  out.append(bytes, static_cast<std::size_t>(length));
}

void decode_utf8(std::string_view text, Word& out) {
  out.clear();
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
}

std::string encode_utf8(const Word& word) {
  std::string out;
  out.reserve(word.size() * 2);
  for (char32_t c : word) append_utf8(out, c);
  return out;
}

bool ends_with(const Word& word, std::size_t limit, std::u32string_view suffix) {
  return word.size() >= limit + suffix.size() &&
         std::u32string_view(word).substr(word.size() - suffix.size()) == suffix;
}

// One suffix of a Snowball `among`; `group` says which action follows a match.
struct Ending {
  std::u32string_view text;
  int group;
};

struct Match {
  int group = 0;  // 0: nothing matched
  std::size_t length = 0;
};

// Snowball's `[substring] among (...)` in backward mode: the longest ending that lies wholly at or
// after `limit`. Like Snowball, a failed action does not fall back to a shorter ending.
template <std::size_t N>
Match longest_ending(const Word& word, std::size_t limit, const std::array<Ending, N>& endings) {
  Match best;
  for (const Ending& e : endings)
    if (e.text.size() > best.length && ends_with(word, limit, e.text))
      best = {e.group, e.text.size()};
  return best;
}

// ---- Russian: the Snowball Russian stemmer (snowballstem.org/algorithms/russian/stemmer.html)
// ----

bool is_russian_vowel(char32_t c) {
  return std::u32string_view(U"аеиоуыэюя").find(c) != std::u32string_view::npos;
}

// The letter before a matched ending is 'а' or 'я', inside RV: the condition of group 1 endings.
bool after_a_or_ya(const Word& word, std::size_t limit, std::size_t ending_length) {
  if (word.size() < limit + ending_length + 1) return false;
  const char32_t c = word[word.size() - ending_length - 1];
  return c == U'а' || c == U'я';
}

// Group 1: delete only after 'а' or 'я'; group 2: delete. Returns whether the routine succeeded.
template <std::size_t N>
bool remove_conditional(Word& word, std::size_t rv, const std::array<Ending, N>& endings) {
  const Match m = longest_ending(word, rv, endings);
  if (m.group == 0) return false;
  if (m.group == 1 && !after_a_or_ya(word, rv, m.length)) return false;
  word.resize(word.size() - m.length);
  return true;
}

constexpr std::array<Ending, 9> kPerfectiveGerund = {{{U"в", 1},
                                                      {U"вши", 1},
                                                      {U"вшись", 1},
                                                      {U"ив", 2},
                                                      {U"ивши", 2},
                                                      {U"ившись", 2},
                                                      {U"ыв", 2},
                                                      {U"ывши", 2},
                                                      {U"ывшись", 2}}};

constexpr std::array<Ending, 26> kAdjective = {
    {{U"ее", 2},  {U"ие", 2},  {U"ые", 2},  {U"ое", 2},  {U"ими", 2}, {U"ыми", 2}, {U"ей", 2},
     {U"ий", 2},  {U"ый", 2},  {U"ой", 2},  {U"ем", 2},  {U"им", 2},  {U"ым", 2},  {U"ом", 2},
     {U"его", 2}, {U"ого", 2}, {U"ему", 2}, {U"ому", 2}, {U"их", 2},  {U"ых", 2},  {U"ую", 2},
     {U"юю", 2},  {U"ая", 2},  {U"яя", 2},  {U"ою", 2},  {U"ею", 2}}};

constexpr std::array<Ending, 8> kParticiple = {{{U"ем", 1},
                                                {U"нн", 1},
                                                {U"вш", 1},
                                                {U"ющ", 1},
                                                {U"щ", 1},
                                                {U"ивш", 2},
                                                {U"ывш", 2},
                                                {U"ующ", 2}}};

constexpr std::array<Ending, 2> kReflexive = {{{U"ся", 2}, {U"сь", 2}}};

constexpr std::array<Ending, 46> kVerb = {
    {{U"ла", 1},   {U"на", 1},  {U"ете", 1}, {U"йте", 1}, {U"ли", 1},  {U"й", 1},   {U"л", 1},
     {U"ем", 1},   {U"н", 1},   {U"ло", 1},  {U"но", 1},  {U"ет", 1},  {U"ют", 1},  {U"ны", 1},
     {U"ть", 1},   {U"ешь", 1}, {U"нно", 1}, {U"ила", 2}, {U"ыла", 2}, {U"ена", 2}, {U"ейте", 2},
     {U"уйте", 2}, {U"ите", 2}, {U"или", 2}, {U"ыли", 2}, {U"ей", 2},  {U"уй", 2},  {U"ил", 2},
     {U"ыл", 2},   {U"им", 2},  {U"ым", 2},  {U"ен", 2},  {U"ило", 2}, {U"ыло", 2}, {U"ено", 2},
     {U"ят", 2},   {U"ует", 2}, {U"уют", 2}, {U"ит", 2},  {U"ыт", 2},  {U"ены", 2}, {U"ить", 2},
     {U"ыть", 2},  {U"ишь", 2}, {U"ую", 2},  {U"ю", 2}}};

constexpr std::array<Ending, 36> kNoun = {
    {{U"а", 2},    {U"ев", 2},  {U"ов", 2},  {U"ие", 2}, {U"ье", 2}, {U"е", 2},
     {U"иями", 2}, {U"ями", 2}, {U"ами", 2}, {U"еи", 2}, {U"ии", 2}, {U"и", 2},
     {U"ией", 2},  {U"ей", 2},  {U"ой", 2},  {U"ий", 2}, {U"й", 2},  {U"иям", 2},
     {U"ям", 2},   {U"ием", 2}, {U"ем", 2},  {U"ам", 2}, {U"ом", 2}, {U"о", 2},
     {U"у", 2},    {U"ах", 2},  {U"иях", 2}, {U"ях", 2}, {U"ы", 2},  {U"ь", 2},
     {U"ию", 2},   {U"ью", 2},  {U"ю", 2},   {U"ия", 2}, {U"ья", 2}, {U"я", 2}}};

constexpr std::array<Ending, 2> kDerivational = {{{U"ост", 2}, {U"ость", 2}}};

// Group 1: superlative; group 2: 'н' (undoubled when after another 'н'); group 3: soft sign.
constexpr std::array<Ending, 4> kTidyUp = {{{U"ейш", 1}, {U"ейше", 1}, {U"н", 2}, {U"ь", 3}}};

template <std::size_t N>
bool remove_ending(Word& word, std::size_t limit, const std::array<Ending, N>& endings) {
  const Match m = longest_ending(word, limit, endings);
  if (m.group == 0) return false;
  word.resize(word.size() - m.length);
  return true;
}

void stem_russian(Word& word) {
  // RV: after the first vowel. R2: the standard Snowball region, as Snowball marks it.
  const std::size_t n = word.size();
  std::size_t rv = n;
  std::size_t r2 = n;
  std::size_t i = 0;
  auto go_past = [&](bool vowel) {
    while (i < n && is_russian_vowel(word[i]) != vowel) ++i;
    if (i == n) return false;
    ++i;
    return true;
  };
  if (go_past(true)) {
    rv = i;
    if (go_past(false) && go_past(true) && go_past(false)) r2 = i;
  }

  // Step 1.
  if (!remove_conditional(word, rv, kPerfectiveGerund)) {
    remove_ending(word, rv, kReflexive);
    const bool adjectival = remove_ending(word, rv, kAdjective);
    if (adjectival)
      remove_conditional(word, rv, kParticiple);
    else if (!remove_conditional(word, rv, kVerb))
      remove_ending(word, rv, kNoun);
  }
  // Step 2.
  if (ends_with(word, rv, U"и")) word.pop_back();
  // Step 3: the derivational ending must lie in R2.
  const Match derivational = longest_ending(word, rv, kDerivational);
  if (derivational.group != 0 && word.size() - derivational.length >= r2)
    word.resize(word.size() - derivational.length);
  // Step 4.
  const Match tidy = longest_ending(word, rv, kTidyUp);
  if (tidy.group == 1) {
    word.resize(word.size() - tidy.length);
    if (ends_with(word, rv, U"нн")) word.pop_back();
  } else if (tidy.group == 2) {
    if (ends_with(word, rv, U"нн")) word.pop_back();
  } else if (tidy.group == 3) {
    word.pop_back();
  }
}

// ---- Kazakh: Ashyq's suffix stripper (docs/search-analysis.md) ----

// Fewer letters than this are never left: most Kazakh noun roots have three letters or more, and
// two-letter remainders ("ау" of "аудан") would join unrelated words. See the docs' known limits.
constexpr std::size_t kKazakhMinStem = 3;

// Kazakh letters that a keyboard without them replaces by the nearest Russian one: a query typed
// "Актау", "жастардын", "онир" must find what "Ақтау", "жастардың", "өңір" find. Every Kazakh word
// is folded before it is stemmed, in the index and in the query alike, so both spellings are one
// term; the suffixes and the letter classes below are read in folded letters too.
constexpr std::u32string_view kKazakhLetters = U"әғқңөұүһі";
constexpr std::u32string_view kFoldedLetters = U"агкноуухи";

char32_t fold_kazakh(char32_t c) {
  const std::size_t at = kKazakhLetters.find(c);
  return at == std::u32string_view::npos ? c : kFoldedLetters[at];
}

bool is_kazakh_vowel(char32_t c) {
  return std::u32string_view(U"аәеёиоөуұүыіэюя").find(c) != std::u32string_view::npos;
}

// What the letter before a suffix must be: Kazakh suffixes assimilate to it (грант+тар, ауыл+дар,
// жоба+лар; жоба+сы, облыс+ы), so a suffix is stripped only where it could have been attached.
// This keeps "гранты" (грант+ы) from reading as гран+ты and "облысы" (облыс+ы) as облы+сы.
enum class After : unsigned char {
  voiceless,      // п ф к қ т с ш щ х һ ц ч
  not_voiceless,  // a vowel or a voiced consonant
  voiced_consonant,
  vowel,
  vowel_not_y_i,  // a vowel other than ы, і (folded: и)
  consonant,
  y_i,             // ы or і (folded: и): after the 3rd person possessive
  vowel_or_nasal,  // a vowel, м, н or ң (folded: н)
};

struct KazakhSuffix {
  std::u32string_view text;
  After after;
};

// Plural, possessive, case and the attributive -ғы/-дағы, in every vowel-harmony and assimilation
// variant. The stripper removes the longest one that may stand after what it leaves and leaves a
// valid stem, then starts again on what is left, so a stem is a function of the string alone: a
// bare word and the same word with suffixes end at the same stem (жобаларға → жобалар → жоба).
// The informal 2sg possessive -ың/-ің/-ң is not in the list: folded, -ың reads -ын, which would
// take жоба+сы+н (the accusative after the possessive) as жобас+ын; "your" is rare in reports.
constexpr std::array<KazakhSuffix, 65> kKazakhSuffixes = {{
    // plural
    {U"лар", After::not_voiceless},
    {U"лер", After::not_voiceless},
    {U"дар", After::not_voiceless},
    {U"дер", After::not_voiceless},
    {U"тар", After::voiceless},
    {U"тер", After::voiceless},
    // possessive: 1sg, 2sg polite, 3, 1pl
    {U"ым", After::consonant},
    {U"ім", After::consonant},
    {U"м", After::vowel},
    {U"ыңыз", After::consonant},
    {U"іңіз", After::consonant},
    {U"ңыз", After::vowel},
    {U"ңіз", After::vowel},
    {U"ы", After::consonant},
    {U"і", After::consonant},
    {U"сы", After::vowel_not_y_i},
    {U"сі", After::vowel_not_y_i},
    {U"ымыз", After::consonant},
    {U"іміз", After::consonant},
    {U"мыз", After::vowel},
    {U"міз", After::vowel},
    // genitive
    {U"ның", After::vowel_or_nasal},
    {U"нің", After::vowel_or_nasal},
    {U"дың", After::not_voiceless},
    {U"дің", After::not_voiceless},
    {U"тың", After::voiceless},
    {U"тің", After::voiceless},
    // dative (на/не after the 3rd person possessive; the а/е that follows the 1st and 2nd person
    // possessive, жобама, is left alone: with it every stem ending in м+а or ң+а would be cut,
    // бастама → баста → бас, meeting басқа)
    {U"ға", After::not_voiceless},
    {U"ге", After::not_voiceless},
    {U"қа", After::voiceless},
    {U"ке", After::voiceless},
    {U"на", After::y_i},
    {U"не", After::y_i},
    // accusative (н after the 3rd person possessive; after any vowel, so that a stem ending in
    // vowel + н, which cannot be told from stem + ны when the 3rd person possessive follows
    // (ауданы: аудан+ы or ауда+ны?), always loses the н: аудан, ауданы, ауданда → ауда)
    {U"ны", After::vowel},
    {U"ні", After::vowel},
    {U"ды", After::not_voiceless},
    {U"ді", After::not_voiceless},
    {U"ты", After::voiceless},
    {U"ті", After::voiceless},
    {U"н", After::vowel},
    // locative
    {U"да", After::not_voiceless},
    {U"де", After::not_voiceless},
    {U"та", After::voiceless},
    {U"те", After::voiceless},
    {U"нда", After::y_i},
    {U"нде", After::y_i},
    // ablative
    {U"дан", After::not_voiceless},
    {U"ден", After::not_voiceless},
    {U"тан", After::voiceless},
    {U"тен", After::voiceless},
    {U"нан", After::vowel_or_nasal},
    {U"нен", After::vowel_or_nasal},
    // instrumental
    {U"мен", After::not_voiceless},
    {U"бен", After::not_voiceless},
    {U"пен", After::voiceless},
    // locative-attributive ("ауылдағы": in the village) and temporal-attributive ("жылғы")
    {U"дағы", After::not_voiceless},
    {U"дегі", After::not_voiceless},
    {U"тағы", After::voiceless},
    {U"тегі", After::voiceless},
    {U"ндағы", After::y_i},
    {U"ндегі", After::y_i},
    {U"ғы", After::voiced_consonant},
    {U"гі", After::voiced_consonant},
    {U"қы", After::voiceless},
    {U"кі", After::voiceless},
}};

bool is_voiceless(char32_t c) {
  return std::u32string_view(U"пфкқтсшщхһцч").find(c) != std::u32string_view::npos;
}

bool may_follow(After after, char32_t c) {
  const bool vowel = is_kazakh_vowel(c);
  switch (after) {
    case After::voiceless:
      return is_voiceless(c);
    case After::not_voiceless:
      return !is_voiceless(c);
    case After::voiced_consonant:
      return !vowel && !is_voiceless(c);
    case After::vowel:
      return vowel;
    case After::vowel_not_y_i:
      return vowel && c != U'ы' && c != U'и';
    case After::consonant:
      return !vowel;
    case After::y_i:
      return c == U'ы' || c == U'и';
    case After::vowel_or_nasal:
      return vowel || c == U'м' || c == U'н';
  }
  return false;
}

// Kazakh writes a final voiced б, г, ғ only in loans; inside a word, before a vowel, п, к, қ become
// voiced (есеп → есебі, бірлестік → бірлестігі). Writing every final one voiceless joins the two
// (in folded letters: б → п, г → к).
void devoice_final(Word& word) {
  if (word.empty()) return;
  char32_t& last = word.back();
  if (last == U'б')
    last = U'п';
  else if (last == U'г')
    last = U'к';
}

// kKazakhSuffixes in folded letters, the table the stripper reads.
struct FoldedSuffix {
  std::u32string text;
  After after;
};
const std::vector<FoldedSuffix>& folded_suffixes() {
  static const std::vector<FoldedSuffix> table = [] {
    std::vector<FoldedSuffix> out;
    for (const KazakhSuffix& suffix : kKazakhSuffixes) {
      std::u32string text(suffix.text);
      for (char32_t& c : text) c = fold_kazakh(c);
      out.push_back({std::move(text), suffix.after});
    }
    return out;
  }();
  return table;
}

void stem_kazakh(Word& word) {
  for (char32_t& c : word) c = fold_kazakh(c);
  std::size_t first_vowel = 0;
  while (first_vowel < word.size() && !is_kazakh_vowel(word[first_vowel])) ++first_vowel;
  if (first_vowel == word.size()) return;  // no Kazakh vowel: digits, Latin, abbreviations
  devoice_final(word);
  for (;;) {
    std::size_t best = 0;
    for (const FoldedSuffix& suffix : folded_suffixes()) {
      if (suffix.text.size() <= best || !ends_with(word, 0, suffix.text)) continue;
      const std::size_t left = word.size() - suffix.text.size();
      if (left >= kKazakhMinStem && left > first_vowel && may_follow(suffix.after, word[left - 1]))
        best = suffix.text.size();
    }
    if (best == 0) return;
    word.resize(word.size() - best);
    devoice_final(word);
  }
}

}  // namespace

std::vector<std::string> words(std::string_view utf8_text) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8_text.data(), static_cast<std::int32_t>(utf8_text.size())));
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  // Most text is already NFKC; the quick check spares a copy.
  if (U_SUCCESS(status) && !nfkc->isNormalized(text, status) && U_SUCCESS(status)) {
    icu::UnicodeString normalized = nfkc->normalize(text, status);
    if (U_SUCCESS(status)) text = std::move(normalized);
  }
  text.toLower(icu::Locale::getRoot());

  const char16_t* units = text.getBuffer();
  const std::int32_t length = text.length();
  std::string word;
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U16_NEXT(units, i, length, c);
    const std::uint32_t category = U_MASK(u_charType(c));
    const bool starts = (category & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
    const bool continues = starts || (category & U_GC_M_MASK) != 0;
    if (word.empty() ? starts : continues) {
      append_utf8(word, c == kYo ? kYe : static_cast<char32_t>(c));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::string stem(Lang lang, std::string_view word) {
  thread_local Word buffer;
  decode_utf8(word, buffer);
  if (lang == Lang::ru)
    stem_russian(buffer);
  else
    stem_kazakh(buffer);
  return encode_utf8(buffer);
}

std::vector<std::string> terms(Lang lang, std::string_view utf8_text) {
  std::vector<std::string> out = words(utf8_text);
  for (std::string& term : out) term = stem(lang, term);
  return out;
}

}  // namespace ashyq::search
