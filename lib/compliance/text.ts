/**
 * Text primitives for the title and claim rules: folding (case, accents, full-width forms), a
 * tokeniser that knows Latin words from CJK runs, and counting by code point. Everything here runs
 * for every listing on a page, so the common case (plain ASCII) takes a fast path and the rest is
 * cached per code point.
 */

/** A folded copy of a text and, for each of its UTF-16 units, where it came from in the original. */
export interface Folded {
  readonly text: string;
  /** origin[i] = index in the original of folded unit i; origin[text.length] = original length. Null when identical. */
  readonly origin: Uint32Array | null;
}

const NON_ASCII = /[^\p{ASCII}]/u;
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
const astralFoldCache = new Map<number, string>();
/**
 * How each BMP code unit folds, filled on first use: 0 not yet known, 1 to itself, 2 to the single
 * unit in FOLD_UNIT, 3 to something longer or shorter ("ﬁ" → "fi"). Typed arrays, because a
 * sparse plain array of 65,536 slots turns into a slow dictionary.
 */
const FOLD_KIND = new Uint8Array(0x10000);
const FOLD_UNIT = new Uint16Array(0x10000);
const foldLong = new Map<number, string>();

function foldSlow(codePoint: number): string {
  // NFKD then dropping Latin diacritics: "é" → "e", "Ａ" → "A", "！" → "!". Japanese voicing marks
  // (U+3099) are outside the stripped range and recompose with NFC, so "ガ" stays "ガ".
  return String.fromCodePoint(codePoint)
    .normalize('NFKD')
    .replace(COMBINING_DIACRITICS, '')
    .normalize('NFC')
    .toLowerCase();
}

function foldKind(code: number): number {
  let kind = FOLD_KIND[code] as number;
  if (kind === 0) {
    const folded = foldSlow(code);
    if (folded.length === 1) {
      FOLD_UNIT[code] = folded.charCodeAt(0);
      kind = folded.charCodeAt(0) === code ? 1 : 2;
    } else {
      foldLong.set(code, folded);
      kind = 3;
    }
    FOLD_KIND[code] = kind;
  }
  return kind;
}

function foldCodePoint(codePoint: number): string {
  if (codePoint > 0xffff) {
    let folded = astralFoldCache.get(codePoint);
    if (folded === undefined) {
      folded = foldSlow(codePoint);
      astralFoldCache.set(codePoint, folded);
    }
    return folded;
  }
  const kind = foldKind(codePoint);
  if (kind === 1) return String.fromCharCode(codePoint);
  if (kind === 2) return String.fromCharCode(FOLD_UNIT[codePoint] as number);
  return foldLong.get(codePoint) as string;
}

/**
 * Lower-cases, removes Latin accents and maps full-width and compatibility forms to their plain ones.
 * Most titles fold unit for unit (accents, CJK, full-width forms), which keeps every position and
 * needs no map back to the original; only expansions ("ﬁ" → "fi"), dropped marks and astral
 * characters take the slow path.
 */
export function fold(input: string): Folded {
  const lower = input.toLowerCase();
  if (!NON_ASCII.test(input)) return { text: lower, origin: null };
  if (lower.length === input.length) {
    const text = foldUnitForUnit(lower);
    if (text !== undefined) return { text, origin: null };
  }
  return foldWithMap(input);
}

function foldUnitForUnit(lower: string): string | undefined {
  let parts: string[] | undefined;
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0x80) continue;
    if (code >= 0xd800 && code <= 0xdfff) return undefined;
    const kind = foldKind(code);
    if (kind === 1) continue;
    if (kind === 3) return undefined;
    parts ??= [];
    parts.push(lower.slice(from, i), String.fromCharCode(FOLD_UNIT[code] as number));
    from = i + 1;
  }
  if (!parts) return lower;
  parts.push(lower.slice(from));
  return parts.join('');
}

function foldWithMap(input: string): Folded {
  const parts: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < input.length; ) {
    const codePoint = input.codePointAt(i) as number;
    const width = codePoint > 0xffff ? 2 : 1;
    const folded =
      codePoint < 0x80
        ? String.fromCharCode(codePoint >= 65 && codePoint <= 90 ? codePoint + 32 : codePoint)
        : foldCodePoint(codePoint);
    for (let k = 0; k < folded.length; k++) origin.push(i);
    parts.push(folded);
    i += width;
  }
  origin.push(input.length);
  return { text: parts.join(''), origin: Uint32Array.from(origin) };
}

/**
 * The single unit a BMP unit folds to (see fold), or -1 when it folds to more or fewer units.
 * For scanners that fold as they go: `fold` gives the same text whenever no unit answers -1.
 */
export function foldedUnit(code: number): number {
  const kind = foldKind(code);
  return kind === 1 ? code : kind === 2 ? (FOLD_UNIT[code] as number) : -1;
}

/** Index in the original text of a position in the folded one. */
export function originalIndex(folded: Folded, index: number): number {
  return folded.origin ? (folded.origin[index] as number) : index;
}

export const CharClass = {
  Separator: 0,
  /** A letter, digit or mark of a script that separates words with spaces. */
  Word: 1,
  /** Han, hiragana, katakana: no spaces between words, so no word boundaries to rely on. */
  Cjk: 2,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];
const WORD_CLASS = CharClass.Word;
const SEPARATOR_CLASS = CharClass.Separator;
const CJK_CLASS = CharClass.Cjk;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Class + 1 per BMP code unit (0 = not yet known). */
const classTable = new Uint8Array(0x10000);
const astralClassCache = new Map<number, CharClass>();

function classify(codePoint: number): CharClass {
  const ch = String.fromCodePoint(codePoint);
  return CJK.test(ch) ? CharClass.Cjk : WORD.test(ch) ? CharClass.Word : CharClass.Separator;
}

export function charClass(codePoint: number): CharClass {
  if (codePoint < 0x80) {
    return (codePoint >= 97 && codePoint <= 122) ||
      (codePoint >= 48 && codePoint <= 57) ||
      (codePoint >= 65 && codePoint <= 90)
      ? CharClass.Word
      : CharClass.Separator;
  }
  if (codePoint <= 0xffff) {
    const known = classTable[codePoint] as number;
    if (known !== 0) return (known - 1) as CharClass;
    const cls = classify(codePoint);
    classTable[codePoint] = cls + 1;
    return cls;
  }
  let cls = astralClassCache.get(codePoint);
  if (cls === undefined) {
    cls = classify(codePoint);
    astralClassCache.set(codePoint, cls);
  }
  return cls;
}

const MARK = /\p{M}/u;
/** 0 not yet known, 1 not a combining mark, 2 a combining mark. */
const markTable = new Uint8Array(0x10000);

/** Whether a UTF-16 unit is a combining mark, the only characters NFC composes. */
export function isCombiningMark(code: number): boolean {
  if (code < 0x300) return false;
  let known = markTable[code] as number;
  if (known === 0) {
    known = MARK.test(String.fromCharCode(code)) ? 2 : 1;
    markTable[code] = known;
  }
  return known === 2;
}

/** Whether NFC could change the text: only combining marks compose (a regex over \p{M} is slower). */
export function hasCombiningMark(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isCombiningMark(text.charCodeAt(i))) return true;
  return false;
}

export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

export interface Token {
  /** Folded text of the word. */
  readonly text: string;
  /** Start and end in the folded text. */
  readonly start: number;
  readonly end: number;
  /** Tokens with different segments were separated by CJK text: a phrase does not run across them. */
  readonly segment: number;
}

export interface Tokenised {
  readonly tokens: Token[];
  readonly hasCjk: boolean;
  /** Hiragana or katakana: the CJK text is Japanese. */
  readonly hasKana: boolean;
}

/**
 * The words of a folded text as flat numbers, WORD_FIELDS per word (see WordField): a title
 * scanner records them without making a string or an object per word, and the matchers compare
 * hashes first, so a word is only read as text when its hash is one they look for.
 */
export const WordField = { Start: 0, End: 1, Segment: 2, Hash: 3 } as const;
export const WORD_FIELDS = 4;

/**
 * The hash step the scanners apply to each folded unit of a word, from 0. Kept to 30 bits, so it
 * stays a small integer: a full 32-bit hash is boxed as a heap number at every step of a scan loop
 * that also stores it, which made the title scan several times slower.
 */
export function hashStep(hash: number, unit: number): number {
  return (Math.imul(hash, 31) + unit) & 0x3fffffff;
}

export function hashWord(text: string, start = 0, end = text.length): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

/** A prefix term needs this many units, so "an*" cannot match half the dictionary. */
export const PREFIX_MIN_LENGTH = 3;

/** The hash of a word's first PREFIX_MIN_LENGTH units (0 for a shorter word): what prefix terms are looked up by. */
export function prefixKey(text: string, start = 0, end = text.length): number {
  return end - start < PREFIX_MIN_LENGTH ? 0 : hashWord(text, start, start + PREFIX_MIN_LENGTH);
}

/** Tokens as word data (see WordField). */
export function wordData(folded: string, tokens: readonly Token[]): number[] {
  const words: number[] = [];
  for (const token of tokens) {
    words.push(token.start, token.end, token.segment, hashWord(folded, token.start, token.end));
  }
  return words;
}

/** Word data back as tokens. */
export function tokensOf(folded: string, words: readonly number[]): Token[] {
  const tokens: Token[] = [];
  for (let w = 0; w < words.length; w += WORD_FIELDS) {
    const start = words[w] as number;
    const end = words[w + 1] as number;
    tokens.push({ text: folded.slice(start, end), start, end, segment: words[w + 2] as number });
  }
  return tokens;
}

/** Splits folded text into Latin-script words; CJK runs are not words but break phrases. */
export function tokenise(folded: string): Tokenised {
  const tokens: Token[] = [];
  let segment = 0;
  let start = -1;
  let hasCjk = false;
  let hasKana = false;
  for (let i = 0; i < folded.length; ) {
    const code = folded.charCodeAt(i);
    let cls: CharClass;
    let width = 1;
    if (code < 0x80) {
      // Folded text has no upper-case ASCII.
      cls = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? WORD_CLASS : SEPARATOR_CLASS;
    } else {
      const codePoint = folded.codePointAt(i) as number;
      if (codePoint > 0xffff) width = 2;
      cls = charClass(codePoint);
    }
    if (cls === WORD_CLASS) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) {
        tokens.push({ text: folded.slice(start, i), start, end: i, segment });
        start = -1;
      }
      if (cls === CJK_CLASS) {
        hasCjk = true;
        // Folded text has only full-width kana (U+3040–U+30FF); U+30FC (ー) is shared, so not counted.
        if (code >= 0x3040 && code <= 0x30ff && code !== 0x30fc) hasKana = true;
        segment++;
      }
    }
    i += width;
  }
  if (start >= 0) tokens.push({ text: folded.slice(start), start, end: folded.length, segment });
  return { tokens, hasCjk, hasKana };
}

/**
 * Length in Unicode code points. Amazon states the limit in characters; code points count a CJK
 * character as one (unlike bytes) and match what a Java or JavaScript back end counts for every
 * character outside the rare astral planes. Grapheme clusters would count "e" + combining accent
 * as one where Amazon's back end most likely counts two, and need Intl.Segmenter, which is far
 * too slow for thousands of rows.
 */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

const DIGIT = /\p{Nd}/u;

export function isDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 48 && code <= 57;
  return DIGIT.test(ch);
}

export function isLetterOrDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const codePoint = ch.codePointAt(0) as number;
  return charClass(codePoint) !== CharClass.Separator;
}

export const LetterCase = { None: 0, Lower: 1, Upper: 2 } as const;
export type LetterCase = (typeof LetterCase)[keyof typeof LetterCase];
/** Case + 1 per BMP code unit (0 = not yet known). */
const caseTable = new Uint8Array(0x10000);

/** Whether a UTF-16 unit is an upper-case letter, a lower-case letter, or neither (CJK, digits, marks). */
export function letterCase(code: number): LetterCase {
  if (code < 0x80) {
    if (code >= 65 && code <= 90) return LetterCase.Upper;
    return code >= 97 && code <= 122 ? LetterCase.Lower : LetterCase.None;
  }
  const known = caseTable[code] as number;
  if (known !== 0) return (known - 1) as LetterCase;
  const ch = String.fromCharCode(code);
  const lower = ch.toLowerCase();
  const found: LetterCase =
    lower === ch.toUpperCase() ? LetterCase.None : ch === lower ? LetterCase.Lower : LetterCase.Upper;
  caseTable[code] = found + 1;
  return found;
}
