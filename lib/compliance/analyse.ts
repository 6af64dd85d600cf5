import { hasLanguageData } from './data';
import { DECORATIVE_CONTEXT, FORBIDDEN_CHARS } from './data/limits';
import { type CompiledLists, findTerms, listsFor, type TermKind } from './phrases';
import {
  CharClass,
  charClass,
  type Folded,
  fold,
  hasCombiningMark,
  isAscii,
  LetterCase,
  letterCase,
  originalIndex,
  type Token,
  type Tokenised,
  tokenise,
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

function brandRanges(folded: Folded, brands: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const brand of brands) {
    for (let at = folded.text.indexOf(brand); at >= 0; at = folded.text.indexOf(brand, at + brand.length)) {
      ranges.push([originalIndex(folded, at), originalIndex(folded, at + brand.length)]);
    }
  }
  return ranges;
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
const SEPARATOR = CharClass.Separator;
const CJK = CharClass.Cjk;
const UPPER = LetterCase.Upper;

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

interface Prepared extends Scan, Tokenised {}

/**
 * The usual case in one pass: when the folded copy keeps every position (see fold), words,
 * scripts, length, special characters and capitals are read together, the words from the folded
 * copy and the rest from the title itself.
 */
function prepare(text: string, folded: string): Prepared {
  const tokens: Token[] = [];
  let positions: number[] | undefined;
  let letters = 0;
  let upper = 0;
  let length = text.length;
  let segment = 0;
  let start = -1;
  let hasCjk = false;
  let hasKana = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let width = 1;
    let cls: CharClass;
    if (code < 0x80) {
      if (code >= 97 && code <= 122) {
        letters++;
        cls = WORD;
      } else if (code >= 65 && code <= 90) {
        letters++;
        upper++;
        cls = WORD;
      } else if (code >= 48 && code <= 57) {
        cls = WORD;
      } else {
        cls = SEPARATOR;
        if (SPECIAL[code] === 1) {
          if (positions) positions.push(i);
          else positions = [i];
        }
      }
    } else {
      const found = letterCase(code);
      if (found !== NO_CASE) {
        letters++;
        if (found === UPPER) upper++;
      }
      if (SPECIAL[code] === 1) {
        if (positions) positions.push(i);
        else positions = [i];
      }
      const foldedCode = folded.codePointAt(i) as number;
      if (foldedCode > 0xffff) {
        width = 2;
        length--;
      }
      cls = charClass(foldedCode);
      if (cls === CJK) {
        hasCjk = true;
        if (foldedCode >= 0x3040 && foldedCode <= 0x30ff && foldedCode !== 0x30fc) hasKana = true;
      }
    }
    if (cls === WORD) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) {
        tokens.push({ text: folded.slice(start, i), start, end: i, segment });
        start = -1;
      }
      if (cls === CJK) segment++;
    }
    i += width;
  }
  if (start >= 0) tokens.push({ text: folded.slice(start), start, end: folded.length, segment });
  return { tokens, hasCjk, hasKana, length, specialChars: positions ?? NONE, letters, upper };
}

class Analysis implements TitleAnalysis {
  readonly stopWords: ReadonlySet<string>;
  readonly languages: readonly string[];
  readonly length: number;
  readonly specialChars: readonly number[];
  readonly letters: number;
  readonly upper: number;
  private found: Record<TermKind, FoundTerm[] | undefined> | undefined;

  constructor(
    readonly text: string,
    readonly folded: Folded,
    readonly tokens: readonly Token[],
    readonly hasCjk: boolean,
    private readonly lists: CompiledLists,
    readonly brandRanges: readonly (readonly [number, number])[],
    counts: Scan,
  ) {
    this.stopWords = lists.stopWords;
    this.languages = lists.languages;
    this.length = counts.length;
    this.specialChars = counts.specialChars;
    this.letters = counts.letters;
    this.upper = counts.upper;
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
      for (const hit of findTerms(this.lists, this.folded.text, this.tokens, this.hasCjk)) {
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

export function analyseTitle(title: string, marketplaceLanguage: string, brands: readonly string[]): TitleAnalysis {
  const trimmed = title.trim();
  const ascii = isAscii(trimmed);
  // NFC changes only text with combining marks; skipping it elsewhere saves a copy of most titles.
  const text = !ascii && hasCombiningMark(trimmed) ? trimmed.normalize('NFC') : trimmed;
  const folded: Folded = ascii ? { text: text.toLowerCase(), origin: null } : fold(text);
  const prepared = folded.origin === null ? prepare(text, folded.text) : { ...tokenise(folded.text), ...scan(text) };
  const lists = listsForTitle(marketplaceLanguage, prepared.hasCjk, prepared.hasKana);
  const ranges = brands.length > 0 ? brandRanges(folded, brands) : NONE;
  return new Analysis(text, folded, prepared.tokens, prepared.hasCjk, lists, ranges, prepared);
}
