import { hasLanguageData } from './data';
import { DECORATIVE_CONTEXT, FORBIDDEN_CHARS } from './data/limits';
import { type CompiledLists, findTerms, listsFor, type TermKind } from './phrases';
import {
  CharClass,
  charClass,
  type Folded,
  fold,
  foldedUnit,
  hasCombiningMark,
  isCombiningMark,
  LetterCase,
  letterCase,
  originalIndex,
  type Token,
  tokenise,
  tokensOf,
  wordData,
} from './text';

/**
 * One title, prepared once for every title and claim rule: normalised, folded, split into words,
 * with the languages whose lists apply, the ranges the seller's brand terms cover and where the
 * special characters are. Titles are plain text throughout: "<b>" is three characters, never
 * markup, and nothing here builds HTML.
 */
export interface TitleAnalysis {
  /** The title as checked: NFC-normalised and trimmed. Indices below refer to it. */
  readonly text: string;
  readonly folded: Folded;
  readonly tokens: readonly Token[];
  /** The same words as flat numbers, WORD_FIELDS per word (see WordField in text.ts), with their hashes. */
  readonly words: readonly number[];
  readonly hasCjk: boolean;
  /** Languages whose word lists apply, most specific first. */
  readonly languages: readonly string[];
  /** Stop words of those languages (folded). */
  readonly stopWords: ReadonlySet<string>;
  /** [start, end) ranges of the title covered by the seller's brand terms. */
  readonly brandRanges: readonly (readonly [number, number])[];
  /** Positions of forbidden and decorative characters (data/limits.ts), brand or not. */
  readonly specialChars: readonly number[];
  /** Length in code points (see codePointLength in text.ts). */
  readonly length: number;
  /** Cased letters in the whole title, and how many of them are capitals (brand terms included). */
  readonly letters: number;
  readonly upper: number;
  /** Whether a character position lies inside a brand term. */
  inBrand(index: number): boolean;
  /** Terms of one list found in the title, in order, with the title's own spelling. */
  hits(kind: TermKind): readonly FoundTerm[];
}

export interface FoundTerm {
  readonly term: string;
  /** The words as they appear in the title ("Anti-Bacterial" for the term "anti-bacterial"). */
  readonly found: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The lists to apply: the marketplace's language, English (sellers write English on every
 * marketplace, and English words inside a Chinese or Japanese title are common), and Chinese or
 * Japanese when the title is written in them. Languages without lists (nl, pl, sv …) fall back to
 * English only.
 */
export function titleLanguages(marketplaceLanguage: string, title: { hasCjk: boolean; hasKana: boolean }): string[] {
  const languages: string[] = [];
  if (hasLanguageData(marketplaceLanguage)) languages.push(marketplaceLanguage);
  if (!languages.includes('en')) languages.push('en');
  if (title.hasCjk) {
    const cjk = title.hasKana || marketplaceLanguage === 'ja' ? 'ja' : 'zh';
    if (!languages.includes(cjk)) languages.push(cjk);
  }
  return languages;
}

/** Brand terms folded for matching, longest first so "Yahoo! Japan" wins over "Yahoo!". */
export function compileBrandTerms(terms: readonly string[]): string[] {
  const folded = terms.map((term) => fold(term.trim()).text).filter((term) => term !== '');
  return [...new Set(folded)].sort((a, b) => b.length - a.length);
}

function brandRanges(folded: Folded, brands: readonly string[]): readonly (readonly [number, number])[] {
  let ranges: [number, number][] | undefined;
  for (const brand of brands) {
    for (let at = folded.text.indexOf(brand); at >= 0; at = folded.text.indexOf(brand, at + brand.length)) {
      ranges ??= [];
      ranges.push([originalIndex(folded, at), originalIndex(folded, at + brand.length)]);
    }
  }
  return ranges ?? NONE;
}

type Script = 'latin' | 'zh' | 'ja';
const listsByLanguage = new Map<string, Record<Script, CompiledLists | undefined>>();

/** The compiled lists for a marketplace language and a title's script, looked up without building a key per title. */
function listsForTitle(marketplaceLanguage: string, hasCjk: boolean, kana: boolean): CompiledLists {
  const script: Script = !hasCjk ? 'latin' : kana || marketplaceLanguage === 'ja' ? 'ja' : 'zh';
  let byScript = listsByLanguage.get(marketplaceLanguage);
  if (!byScript) {
    byScript = { latin: undefined, zh: undefined, ja: undefined };
    listsByLanguage.set(marketplaceLanguage, byScript);
  }
  let lists = byScript[script];
  if (!lists) {
    lists = listsFor(titleLanguages(marketplaceLanguage, { hasCjk, hasKana: kana }));
    byScript[script] = lists;
  }
  return lists;
}

/** Marks the forbidden and decorative characters, so the rules visit only them. */
const SPECIAL = new Uint8Array(0x10000);
for (const ch of [...FORBIDDEN_CHARS, ...Object.keys(DECORATIVE_CONTEXT)]) SPECIAL[ch.charCodeAt(0)] = 1;

const NONE: readonly never[] = Object.freeze([]);
const NO_CASE = LetterCase.None;
const WORD = CharClass.Word;
const CJK = CharClass.Cjk;
const UPPER = LetterCase.Upper;

/**
 * What the title scan needs to know of a non-ASCII unit, filled on first use, so the scan reads
 * one array per character instead of calling into text.ts (a call per character is most of the
 * cost of a title). About the unit as written: Known, Letter and Upper (see letterCase), Special
 * (SPECIAL), Mark (a combining mark), SameLower (lower-casing leaves it as it is, as it does
 * Chinese and Japanese and lower-case accented letters). About the unit as a unit of the
 * lower-cased title, the F bits: the class of its folded form (FWord, FCjk), whether that is kana,
 * and FSlow when it does not fold to a single unit (see fold); FOLDED holds that unit. For a
 * SameLower unit both halves describe the same unit, so the lower-cased copy is read only for
 * capitals.
 */
const INFO = new Uint16Array(0x10000);
const FOLDED = new Uint16Array(0x10000);
const KNOWN = 1;
const LETTER = 2;
const UPPER_CASE = 4;
const IS_SPECIAL = 8;
const IS_MARK = 16;
const SAME_LOWER = 32;
const F_WORD = 64;
const F_CJK = 128;
const F_KANA = 256;
const F_SLOW = 512;

/**
 * The same for ASCII, filled once: letter, upper case, word character (letter or digit), special.
 * One table read and no branch per kind of character.
 */
const ASCII_INFO = new Uint8Array(0x80);
const A_LETTER = 1;
const A_UPPER = 2;
const A_WORD = 4;
const A_SPECIAL = 8;
for (let code = 0; code < 0x80; code++) {
  const lower = code >= 97 && code <= 122;
  const upper = code >= 65 && code <= 90;
  const digit = code >= 48 && code <= 57;
  ASCII_INFO[code] =
    (lower || upper ? A_LETTER : 0) |
    (upper ? A_UPPER : 0) |
    (lower || upper || digit ? A_WORD : 0) |
    (SPECIAL[code] === 1 ? A_SPECIAL : 0);
}

function unitInfo(code: number): number {
  const found = letterCase(code);
  let info =
    KNOWN |
    (found === UPPER ? LETTER | UPPER_CASE : found === NO_CASE ? 0 : LETTER) |
    (SPECIAL[code] === 1 ? IS_SPECIAL : 0) |
    (isCombiningMark(code) ? IS_MARK : 0);
  const surrogate = code >= 0xd800 && code <= 0xdfff;
  if (!surrogate && String.fromCharCode(code).toLowerCase() === String.fromCharCode(code)) info |= SAME_LOWER;
  const unit = surrogate ? -1 : foldedUnit(code);
  if (unit < 0) info |= F_SLOW;
  else {
    FOLDED[code] = unit;
    const cls = charClass(unit);
    if (cls === WORD) info |= F_WORD;
    else if (cls === CJK) {
      info |= F_CJK;
      // Folded text has only full-width kana (U+3040–U+30FF); U+30FC (ー) is shared, so not counted.
      if (unit >= 0x3040 && unit <= 0x30ff && unit !== 0x30fc) info |= F_KANA;
    }
  }
  INFO[code] = info;
  return info;
}

interface Scan {
  length: number;
  specialChars: readonly number[];
  letters: number;
  upper: number;
}

/** One pass over the title: its length, where the special characters are, and how many letters are capitals. */
function scan(text: string): Scan {
  let positions: number[] | undefined;
  let letters = 0;
  let upper = 0;
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character (see codePointLength).
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
      const previous = text.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) length--;
    }
    if (code < 0x80) {
      if (code >= 97 && code <= 122) letters++;
      else if (code >= 65 && code <= 90) {
        letters++;
        upper++;
      }
    } else {
      const found = letterCase(code);
      if (found !== NO_CASE) {
        letters++;
        if (found === UPPER) upper++;
      }
    }
    if (SPECIAL[code] !== 1) continue;
    if (positions) positions.push(i);
    else positions = [i];
  }
  return { length, specialChars: positions ?? NONE, letters, upper };
}

interface Prepared extends Scan {
  readonly folded: Folded;
  /** Word data, see WordField in text.ts. */
  readonly words: number[];
  readonly hasCjk: boolean;
  readonly hasKana: boolean;
}

/**
 * The words of the title being prepared, copied out at the end in one allocation: pushing onto a
 * fresh array per title grows it (and copies it) several times. Small integers only (see hashStep).
 */
const wordScratch: number[] = [];

/** prepare's answer for a title with a combining mark that has not been NFC-normalised yet. */
const NEEDS_NFC = 1;
/** prepare's answer for a title that does not fold unit for unit (see fold). */
const SLOW = 2;

/**
 * The usual case in one pass over the title and its lower-cased copy: folding (when every unit
 * folds to one unit, so positions are kept), words with their hashes, scripts, length, special
 * characters and capitals. No string or object per word: see WordField.
 */
function prepare(text: string, lower: string, normalised: boolean): Prepared | typeof NEEDS_NFC | typeof SLOW {
  const words = wordScratch;
  let count = 0;
  let positions: number[] | undefined;
  let letters = 0;
  let upper = 0;
  let segment = 0;
  let start = -1;
  let hash = 0;
  let hasCjk = false;
  let hasKana = false;
  // The folded copy is the lower-cased one until a unit folds differently (an accent, a full-width form).
  let parts: string[] | undefined;
  let from = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let unit: number;
    let word: boolean;
    let cjk = false;
    if (code < 0x80) {
      const info = ASCII_INFO[code] as number;
      letters += info & A_LETTER;
      upper += (info & A_UPPER) >> 1;
      // A–Z to a–z: +32 exactly for upper case.
      unit = code + ((info & A_UPPER) << 4);
      word = (info & A_WORD) !== 0;
      if ((info & A_SPECIAL) !== 0) {
        if (positions) positions.push(i);
        else positions = [i];
      }
    } else {
      let info = INFO[code] as number;
      if (info === 0) info = unitInfo(code);
      if ((info & IS_MARK) !== 0 && !normalised) return NEEDS_NFC;
      letters += (info & LETTER) >> 1;
      upper += (info & UPPER_CASE) >> 2;
      if ((info & IS_SPECIAL) !== 0) {
        if (positions) positions.push(i);
        else positions = [i];
      }
      let lowered = code;
      if ((info & SAME_LOWER) === 0) {
        lowered = lower.charCodeAt(i);
        if (lowered < 0x80) {
          // A capital that lower-cases to ASCII (the Kelvin sign): ASCII_INFO tells the rest.
          info = (ASCII_INFO[lowered] as number) & A_WORD ? F_WORD : 0;
        } else {
          info = INFO[lowered] as number;
          if (info === 0) info = unitInfo(lowered);
        }
      }
      if ((info & F_SLOW) !== 0) return SLOW;
      unit = lowered < 0x80 ? lowered : (FOLDED[lowered] as number);
      word = (info & F_WORD) !== 0;
      if ((info & F_CJK) !== 0) {
        cjk = hasCjk = true;
        if ((info & F_KANA) !== 0) hasKana = true;
      }
      if (unit !== lowered) {
        parts ??= [];
        parts.push(lower.slice(from, i), String.fromCharCode(unit));
        from = i + 1;
      }
    }
    if (word) {
      if (start < 0) {
        start = i;
        hash = 0;
      }
      // hashStep in text.ts, inline.
      hash = (Math.imul(hash, 31) + unit) & 0x3fffffff;
    } else {
      if (start >= 0) {
        words[count++] = start;
        words[count++] = i;
        words[count++] = segment;
        words[count++] = hash;
        start = -1;
      }
      if (cjk) segment++;
    }
  }
  if (start >= 0) {
    words[count++] = start;
    words[count++] = length;
    words[count++] = segment;
    words[count++] = hash;
  }
  if (parts) parts.push(lower.slice(from));
  const folded: Folded = { text: parts ? parts.join('') : lower, origin: null };
  return {
    folded,
    words: words.slice(0, count),
    hasCjk,
    hasKana,
    length,
    specialChars: positions ?? NONE,
    letters,
    upper,
  };
}

/**
 * Fields are declared and then assigned in the constructor, not as class fields: class fields are
 * defined one by one before the constructor runs (ES2022 semantics), which costs more than the
 * assignments themselves, once per title.
 */
class Analysis implements TitleAnalysis {
  declare readonly text: string;
  declare readonly folded: Folded;
  declare readonly words: readonly number[];
  declare readonly hasCjk: boolean;
  declare readonly brandRanges: readonly (readonly [number, number])[];
  declare readonly stopWords: ReadonlySet<string>;
  declare readonly languages: readonly string[];
  declare readonly length: number;
  declare readonly specialChars: readonly number[];
  declare readonly letters: number;
  declare readonly upper: number;
  declare private readonly lists: CompiledLists;
  declare private found: Record<TermKind, FoundTerm[] | undefined> | undefined;
  declare private tokenList: readonly Token[] | undefined;

  constructor(
    text: string,
    folded: Folded,
    words: readonly number[],
    hasCjk: boolean,
    lists: CompiledLists,
    brandRanges: readonly (readonly [number, number])[],
    counts: Scan,
  ) {
    this.text = text;
    this.folded = folded;
    this.words = words;
    this.hasCjk = hasCjk;
    this.brandRanges = brandRanges;
    this.stopWords = lists.stopWords;
    this.languages = lists.languages;
    this.length = counts.length;
    this.specialChars = counts.specialChars;
    this.letters = counts.letters;
    this.upper = counts.upper;
    this.lists = lists;
    this.found = undefined;
    this.tokenList = undefined;
  }

  get tokens(): readonly Token[] {
    this.tokenList ??= tokensOf(this.folded.text, this.words);
    return this.tokenList;
  }

  inBrand(index: number): boolean {
    for (const [start, end] of this.brandRanges) if (index >= start && index < end) return true;
    return false;
  }

  hits(kind: TermKind): readonly FoundTerm[] {
    if (!this.found) {
      const found: Record<TermKind, FoundTerm[] | undefined> = {
        promotional: undefined,
        pesticide: undefined,
        medical: undefined,
      };
      for (const hit of findTerms(this.lists, this.folded.text, this.words, this.hasCjk)) {
        const start = originalIndex(this.folded, hit.start);
        let end = originalIndex(this.folded, hit.end);
        // "99.9%" is matched as the words 99 and 9; show the sign the seller wrote too.
        if (this.text[end] === '%' || this.text[end] === '％') end++;
        const term: FoundTerm = { term: hit.term, found: this.text.slice(start, end), start, end };
        const list = found[hit.kind];
        if (list) list.push(term);
        else found[hit.kind] = [term];
      }
      this.found = found;
    }
    return this.found[kind] ?? NONE;
  }
}

/** The rare titles that do not fold unit for unit ("ﬁ", astral characters): fold with a map back, then the separate passes. */
function prepareSlowly(text: string): Prepared {
  const folded = fold(text);
  const { tokens, hasCjk, hasKana } = tokenise(folded.text);
  return { folded, words: wordData(folded.text, tokens), hasCjk, hasKana, ...scan(text) };
}

export function analyseTitle(title: string, marketplaceLanguage: string, brands: readonly string[]): TitleAnalysis {
  let text = title.trim();
  let lower = text.toLowerCase();
  // Lower-casing that changes the length ("İ") cannot keep positions: straight to the slow path.
  let prepared = lower.length === text.length ? prepare(text, lower, false) : SLOW;
  // NFC changes only text with combining marks; normalising only then saves a copy of most titles.
  if (prepared === NEEDS_NFC || (prepared === SLOW && hasCombiningMark(text))) {
    text = text.normalize('NFC');
    lower = text.toLowerCase();
    prepared = lower.length === text.length ? prepare(text, lower, true) : SLOW;
  }
  if (prepared === SLOW || prepared === NEEDS_NFC) prepared = prepareSlowly(text);
  const lists = listsForTitle(marketplaceLanguage, prepared.hasCjk, prepared.hasKana);
  const ranges = brands.length > 0 ? brandRanges(prepared.folded, brands) : NONE;
  return new Analysis(text, prepared.folded, prepared.words, prepared.hasCjk, lists, ranges, prepared);
}
