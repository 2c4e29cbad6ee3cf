// The text analysis of Ashyq's full-text search, in the browser: it turns the visitor's query into
// the terms the generator indexed. It must give exactly what generator/search/text_analysis.cpp
// gives; tests/data/search_analysis.json holds the vectors both are tested against, and
// tests/search/analysis_test.mjs compares the two on every word of the portal's content.
// docs/search-analysis.md describes the rules. A plain ES module with no dependencies.

// A word starts with a letter or digit; a combining mark continues it (ICU: the same
// general categories L, N, M).
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

// Words of a text, in order: NFKC, lower case (root locale), 'ё' folded to 'е'.
export function words(text) {
  const folded = text.normalize('NFKC').toLowerCase();
  const out = [];
  for (const match of folded.matchAll(WORD)) out.push(match[0].replaceAll('ё', 'е'));
  return out;
}

// The stem of one word produced by words(): Snowball Russian for 'ru', Ashyq's Kazakh suffix
// stripper for 'kk'. Digits-only words and words in other scripts come back unchanged.
export function stem(lang, word) {
  return lang === 'ru' ? stemRussian(word) : stemKazakh(word);
}

// words() then stem() each; stop words are kept.
export function terms(lang, text) {
  return words(text).map((word) => stem(lang, word));
}

// ---- Russian: the Snowball Russian stemmer ----
// Every suffix below is in the Basic Multilingual Plane, so suffix tests on UTF-16 strings are
// tests on letters; a letter outside it is two units, both non-vowels, which changes no region.

const RUSSIAN_VOWELS = 'аеиоуыэюя';

// Snowball's `[substring] among (...)` in backward mode: the longest ending lying wholly at or
// after `limit`, as [group, length]; [0, 0] when none. No fallback to a shorter ending.
function longestEnding(word, limit, endings) {
  let group = 0;
  let length = 0;
  for (const [text, g] of endings) {
    if (text.length > length && word.length >= limit + text.length && word.endsWith(text)) {
      group = g;
      length = text.length;
    }
  }
  return [group, length];
}

function endings(group1, group2) {
  return [...group1.map((t) => [t, 1]), ...group2.map((t) => [t, 2])];
}

const PERFECTIVE_GERUND = endings(
  ['в', 'вши', 'вшись'],
  ['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись'],
);
const ADJECTIVE = endings(
  [],
  ['ее', 'ие', 'ые', 'ое', 'ими', 'ыми', 'ей', 'ий', 'ый', 'ой', 'ем', 'им', 'ым', 'ом', 'его',
    'ого', 'ему', 'ому', 'их', 'ых', 'ую', 'юю', 'ая', 'яя', 'ою', 'ею'],
);
const PARTICIPLE = endings(['ем', 'нн', 'вш', 'ющ', 'щ'], ['ивш', 'ывш', 'ующ']);
const REFLEXIVE = endings([], ['ся', 'сь']);
const VERB = endings(
  ['ла', 'на', 'ете', 'йте', 'ли', 'й', 'л', 'ем', 'н', 'ло', 'но', 'ет', 'ют', 'ны', 'ть', 'ешь',
    'нно'],
  ['ила', 'ыла', 'ена', 'ейте', 'уйте', 'ите', 'или', 'ыли', 'ей', 'уй', 'ил', 'ыл', 'им', 'ым',
    'ен', 'ило', 'ыло', 'ено', 'ят', 'ует', 'уют', 'ит', 'ыт', 'ены', 'ить', 'ыть', 'ишь', 'ую',
    'ю'],
);
const NOUN = endings(
  [],
  ['а', 'ев', 'ов', 'ие', 'ье', 'е', 'иями', 'ями', 'ами', 'еи', 'ии', 'и', 'ией', 'ей', 'ой',
    'ий', 'й', 'иям', 'ям', 'ием', 'ем', 'ам', 'ом', 'о', 'у', 'ах', 'иях', 'ях', 'ы', 'ь', 'ию',
    'ью', 'ю', 'ия', 'ья', 'я'],
);
const DERIVATIONAL = endings([], ['ост', 'ость']);
// Group 1: superlative; group 2: 'н' (undoubled after another 'н'); group 3: soft sign.
const TIDY_UP = [
  ['ейш', 1],
  ['ейше', 1],
  ['н', 2],
  ['ь', 3],
];

function endsWithin(word, limit, suffix) {
  return word.length >= limit + suffix.length && word.endsWith(suffix);
}

// Group 1 endings go only after 'а' or 'я' (inside RV); group 2 endings always. Returns the word
// without the ending, or null when the routine fails.
function removeConditional(word, rv, list) {
  const [group, length] = longestEnding(word, rv, list);
  if (group === 0) return null;
  if (group === 1) {
    const before = word.length - length - 1;
    if (before < rv || (word[before] !== 'а' && word[before] !== 'я')) return null;
  }
  return word.slice(0, word.length - length);
}

function stemRussian(input) {
  let word = input;
  const n = word.length;
  let rv = n;
  let r2 = n;
  let i = 0;
  const goPast = (vowel) => {
    while (i < n && RUSSIAN_VOWELS.includes(word[i]) !== vowel) i += 1;
    if (i === n) return false;
    i += 1;
    return true;
  };
  if (goPast(true)) {
    rv = i;
    if (goPast(false) && goPast(true) && goPast(false)) r2 = i;
  }

  // Step 1.
  const gerund = removeConditional(word, rv, PERFECTIVE_GERUND);
  if (gerund !== null) {
    word = gerund;
  } else {
    word = removeConditional(word, rv, REFLEXIVE) ?? word;
    const adjectival = removeConditional(word, rv, ADJECTIVE);
    if (adjectival !== null) {
      word = removeConditional(adjectival, rv, PARTICIPLE) ?? adjectival;
    } else {
      word = removeConditional(word, rv, VERB) ?? removeConditional(word, rv, NOUN) ?? word;
    }
  }
  // Step 2.
  if (endsWithin(word, rv, 'и')) word = word.slice(0, -1);
  // Step 3: the derivational ending must lie in R2.
  const [derivational, length] = longestEnding(word, rv, DERIVATIONAL);
  if (derivational !== 0 && word.length - length >= r2) word = word.slice(0, word.length - length);
  // Step 4.
  const [tidy, tidyLength] = longestEnding(word, rv, TIDY_UP);
  if (tidy === 1) {
    word = word.slice(0, word.length - tidyLength);
    if (endsWithin(word, rv, 'нн')) word = word.slice(0, -1);
  } else if (tidy === 2) {
    if (endsWithin(word, rv, 'нн')) word = word.slice(0, -1);
  } else if (tidy === 3) {
    word = word.slice(0, -1);
  }
  return word;
}

// ---- Kazakh: Ashyq's suffix stripper (docs/search-analysis.md) ----
// Lengths count letters (code points), as the C++ does: the word is an array of code points.

const KAZAKH_MIN_STEM = 3;
const KAZAKH_VOWELS = 'аәеёиоөуұүыіэюя';

// Kazakh letters that a keyboard without them replaces by the nearest Russian one: "Актау",
// "жастардын", "онир" find what "Ақтау", "жастардың", "өңір" find. Every Kazakh word is folded
// before it is stemmed, in the index and the query alike; suffixes and letter classes are read in
// folded letters too (the C++ fold_kazakh).
const FOLDED = new Map([...'әғқңөұүһі'].map((letter, k) => [letter, 'агкноуухи'[k]]));
const fold = (letter) => FOLDED.get(letter) ?? letter;

const VOICELESS = 'пфкқтсшщхһцч';

// What the letter before a suffix must be (Kazakh suffixes assimilate to it): the same classes as
// the C++ `After`.
const AFTER = {
  voiceless: (c) => VOICELESS.includes(c),
  notVoiceless: (c) => !VOICELESS.includes(c),
  voicedConsonant: (c) => !KAZAKH_VOWELS.includes(c) && !VOICELESS.includes(c),
  vowel: (c) => KAZAKH_VOWELS.includes(c),
  vowelNotYI: (c) => KAZAKH_VOWELS.includes(c) && c !== 'ы' && c !== 'и',
  consonant: (c) => !KAZAKH_VOWELS.includes(c),
  yI: (c) => c === 'ы' || c === 'и',
  vowelOrNasal: (c) => KAZAKH_VOWELS.includes(c) || c === 'м' || c === 'н',
};

// Plural, possessive, case and the attributive -ғы/-дағы, each with the class of the letter it may
// follow: the same list as the C++.
const KAZAKH_SUFFIXES = [
  // plural
  ['лар', 'notVoiceless'], ['лер', 'notVoiceless'], ['дар', 'notVoiceless'],
  ['дер', 'notVoiceless'], ['тар', 'voiceless'], ['тер', 'voiceless'],
  // possessive: 1sg, 2sg polite, 3, 1pl (not the informal 2sg -ың: folded, it reads -ын, as the C++
  // says)
  ['ым', 'consonant'], ['ім', 'consonant'], ['м', 'vowel'], ['ыңыз', 'consonant'], ['іңіз', 'consonant'],
  ['ңыз', 'vowel'], ['ңіз', 'vowel'], ['ы', 'consonant'], ['і', 'consonant'],
  ['сы', 'vowelNotYI'], ['сі', 'vowelNotYI'], ['ымыз', 'consonant'], ['іміз', 'consonant'],
  ['мыз', 'vowel'], ['міз', 'vowel'],
  // genitive
  ['ның', 'vowelOrNasal'], ['нің', 'vowelOrNasal'], ['дың', 'notVoiceless'],
  ['дің', 'notVoiceless'], ['тың', 'voiceless'], ['тің', 'voiceless'],
  // dative
  ['ға', 'notVoiceless'], ['ге', 'notVoiceless'], ['қа', 'voiceless'], ['ке', 'voiceless'],
  ['на', 'yI'], ['не', 'yI'],
  // accusative
  ['ны', 'vowel'], ['ні', 'vowel'], ['ды', 'notVoiceless'], ['ді', 'notVoiceless'],
  ['ты', 'voiceless'], ['ті', 'voiceless'], ['н', 'vowel'],
  // locative
  ['да', 'notVoiceless'], ['де', 'notVoiceless'], ['та', 'voiceless'], ['те', 'voiceless'],
  ['нда', 'yI'], ['нде', 'yI'],
  // ablative
  ['дан', 'notVoiceless'], ['ден', 'notVoiceless'], ['тан', 'voiceless'], ['тен', 'voiceless'],
  ['нан', 'vowelOrNasal'], ['нен', 'vowelOrNasal'],
  // instrumental
  ['мен', 'notVoiceless'], ['бен', 'notVoiceless'], ['пен', 'voiceless'],
  // locative-attributive and temporal-attributive
  ['дағы', 'notVoiceless'], ['дегі', 'notVoiceless'], ['тағы', 'voiceless'], ['тегі', 'voiceless'],
  ['ндағы', 'yI'], ['ндегі', 'yI'], ['ғы', 'voicedConsonant'], ['гі', 'voicedConsonant'],
  ['қы', 'voiceless'], ['кі', 'voiceless'],
].map(([text, after]) => ({ letters: [...text].map(fold), after: AFTER[after] }));

// In folded letters (ғ is г by then).
const DEVOICED = new Map(Object.entries({ б: 'п', г: 'к' }));

function devoiceFinal(letters) {
  const last = letters[letters.length - 1];
  if (DEVOICED.has(last)) letters[letters.length - 1] = DEVOICED.get(last);
}

function endsWithLetters(letters, suffix) {
  if (letters.length < suffix.length) return false;
  const offset = letters.length - suffix.length;
  return suffix.every((letter, k) => letters[offset + k] === letter);
}

function stemKazakh(word) {
  const letters = [...word].map(fold);
  const firstVowel = letters.findIndex((letter) => KAZAKH_VOWELS.includes(letter));
  if (firstVowel < 0) return letters.join('');
  devoiceFinal(letters);
  for (;;) {
    let best = 0;
    for (const { letters: suffix, after } of KAZAKH_SUFFIXES) {
      if (suffix.length <= best || !endsWithLetters(letters, suffix)) continue;
      const left = letters.length - suffix.length;
      if (left >= KAZAKH_MIN_STEM && left > firstVowel && after(letters[left - 1])) {
        best = suffix.length;
      }
    }
    if (best === 0) return letters.join('');
    letters.length -= best;
    devoiceFinal(letters);
  }
}
