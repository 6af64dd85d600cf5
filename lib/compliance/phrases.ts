import { LANGUAGE_DATA } from './data';
import type { LanguageData } from './data/types';
import { CharClass, charClass, fold, hashWord, PREFIX_MIN_LENGTH, prefixKey, tokenise, WORD_FIELDS } from './text';

/**
 * Module-local copies of the constants read once per word: where modules are compiled to
 * CommonJS (tsx, which runs the bench and the unit tests), every read of an imported binding is a
 * getter call, which cost more than the rest of the word loop.
 */
const FIELDS = WORD_FIELDS;
const MIN_PREFIX = PREFIX_MIN_LENGTH;

/**
 * Compiles the word lists of data/ into one lookup per set of languages, so a title is scanned once
 * for every list: one map lookup per word, not one regular expression per term. The term syntax is
 * described in data/types.ts.
 */

export type TermKind = 'promotional' | 'pesticide' | 'medical';
export const TERM_KINDS: readonly TermKind[] = ['promotional', 'pesticide', 'medical'];

interface WordEntry {
  readonly kind: TermKind;
  /** The term as written in the data file, for reports and tests. */
  readonly term: string;
  readonly words: readonly string[];
  /** hashWord of each word (the last one's is unused when it is a prefix). */
  readonly hashes: readonly number[];
  /** The last word is a prefix (the term ended in `*`). */
  readonly prefixLast: boolean;
}

interface CjkEntry {
  readonly kind: TermKind;
  readonly term: string;
  readonly text: string;
}

export interface CompiledLists {
  readonly languages: readonly string[];
  /** Exact-word entries by the hashWord of their first word (entries whose first words share a hash share a list). */
  readonly byFirst: ReadonlyMap<number, readonly WordEntry[]>;
  /** 1 where some first word's hash lands (see filterSlot): most words of a title are ruled out without a map lookup. */
  readonly firstFilter: Uint8Array;
  /** 1 where some prefix entry's prefixKey lands (see filterSlot). */
  readonly prefixFilter: Uint8Array;
  /** Single-word prefix entries, by the hash of the prefix's first units (see prefixKey). */
  readonly byPrefix: ReadonlyMap<number, readonly WordEntry[]>;
  /** CJK entries by their first UTF-16 unit, and 1 at each such unit, so most characters cost one array read. */
  readonly cjkByFirst: ReadonlyMap<number, readonly CjkEntry[]>;
  readonly cjkFilter: Uint8Array;
  /** Folded stop words of every language in the set. */
  readonly stopWords: ReadonlySet<string>;
}

/** A term found in a text: folded start/end, and which list and entry it came from. */
export interface TermHit {
  readonly kind: TermKind;
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

/** A word hash folded to 16 bits, for the filters. */
function filterSlot(hash: number): number {
  return (hash ^ (hash >>> 16)) & 0xffff;
}

function wordsOf(text: string): string[] {
  return tokenise(fold(text).text).tokens.map((token) => token.text);
}

/** Every way a hyphenated word may be written: joined, or as separate words. */
function hyphenVariants(word: string): string[][] {
  const parts = word.split('-').filter((part) => part !== '');
  if (parts.length <= 1) return [wordsOf(word)];
  return [wordsOf(parts.join('')), parts.flatMap(wordsOf)];
}

function isCjkTerm(folded: string): boolean {
  for (const ch of folded) if (charClass(ch.codePointAt(0) as number) === CharClass.Cjk) return true;
  return false;
}

/** Turns one data-file term into the word sequences it stands for. Throws on a term that cannot match. */
export function compileTerm(kind: TermKind, term: string): { words: WordEntry[]; cjk: CjkEntry[] } {
  const folded = fold(term.trim()).text;
  if (folded === '') throw new Error(`Empty ${kind} term`);
  if (isCjkTerm(folded)) return { words: [], cjk: [{ kind, term, text: folded }] };
  const prefixLast = folded.endsWith('*');
  const body = prefixLast ? folded.slice(0, -1) : folded;
  if (body.includes('*')) throw new Error(`"${term}": * is only allowed at the end of a term`);
  let sequences: string[][] = [[]];
  for (const word of body.split(/\s+/).filter((w) => w !== '')) {
    const variants = hyphenVariants(word);
    sequences = sequences.flatMap((prefix) => variants.map((variant) => [...prefix, ...variant]));
  }
  const words: WordEntry[] = [];
  const seen = new Set<string>();
  for (const sequence of sequences) {
    if (sequence.length === 0) throw new Error(`"${term}" has no letters or digits to match`);
    const last = sequence[sequence.length - 1] as string;
    if (prefixLast && last.length < PREFIX_MIN_LENGTH) throw new Error(`"${term}": the prefix is too short`);
    const key = sequence.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    words.push({ kind, term, words: sequence, hashes: sequence.map((word) => hashWord(word)), prefixLast });
  }
  return { words, cjk: [] };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface CompiledLanguage {
  words: WordEntry[];
  cjk: CjkEntry[];
  stopWords: string[];
}

const compiledLanguages = new Map<string, CompiledLanguage>();

/** One language's terms, compiled once however many language sets include it (English is in all). */
function compileLanguage(language: string): CompiledLanguage | undefined {
  const data: LanguageData | undefined = LANGUAGE_DATA[language];
  if (!data) return undefined;
  let compiled = compiledLanguages.get(language);
  if (!compiled) {
    compiled = { words: [], cjk: [], stopWords: data.stopWords.flatMap(wordsOf) };
    for (const kind of TERM_KINDS) {
      for (const term of data[kind]) {
        const { words, cjk } = compileTerm(kind, term);
        compiled.words.push(...words);
        compiled.cjk.push(...cjk);
      }
    }
    compiledLanguages.set(language, compiled);
  }
  return compiled;
}

function compile(languages: readonly string[]): CompiledLists {
  const byFirst = new Map<number, WordEntry[]>();
  const firstFilter = new Uint8Array(0x10000);
  const prefixFilter = new Uint8Array(0x10000);
  const byPrefix = new Map<number, WordEntry[]>();
  const cjkByFirst = new Map<number, CjkEntry[]>();
  const cjkFilter = new Uint8Array(0x10000);
  const cjkSeen = new Set<string>();
  const stopWords = new Set<string>();
  for (const language of languages) {
    const compiled = compileLanguage(language);
    if (!compiled) continue;
    for (const word of compiled.stopWords) stopWords.add(word);
    for (const entry of compiled.words) {
      const first = entry.words[0] as string;
      if (entry.prefixLast && entry.words.length === 1) {
        push(byPrefix, prefixKey(first), entry);
        prefixFilter[filterSlot(prefixKey(first))] = 1;
      } else {
        push(byFirst, entry.hashes[0] as number, entry);
        firstFilter[filterSlot(entry.hashes[0] as number)] = 1;
      }
    }
    for (const entry of compiled.cjk) {
      const key = `${entry.kind}|${entry.text}`;
      if (!cjkSeen.has(key)) {
        cjkSeen.add(key);
        push(cjkByFirst, entry.text.charCodeAt(0), entry);
        cjkFilter[entry.text.charCodeAt(0)] = 1;
      }
    }
  }
  return { languages, byFirst, firstFilter, byPrefix, prefixFilter, cjkByFirst, cjkFilter, stopWords };
}

const compiledCache = new Map<string, CompiledLists>();

/** The compiled lists for a set of languages (compiled on first use, then shared). */
export function listsFor(languages: readonly string[]): CompiledLists {
  const key = languages.join('+');
  let compiled = compiledCache.get(key);
  if (!compiled) {
    compiled = compile(languages);
    compiledCache.set(key, compiled);
  }
  return compiled;
}

/** Whether the word at `w` (word data, see WordField) is `word`, or starts with it when `prefix`. */
function wordIs(
  folded: string,
  words: readonly number[],
  w: number,
  word: string,
  hash: number,
  prefix: boolean,
): boolean {
  const start = words[w] as number;
  const length = (words[w + 1] as number) - start;
  if (prefix) return length >= word.length && folded.startsWith(word, start);
  return length === word.length && words[w + 3] === hash && folded.startsWith(word, start);
}

/** The index (in word data) of the last word of `entry` when it matches from word `w`, else -1. */
function matchesAt(entry: WordEntry, folded: string, words: readonly number[], w: number): number {
  const segment = words[w + 2];
  const last = entry.words.length - 1;
  for (let k = 0; k <= last; k++) {
    const at = w + k * FIELDS;
    if (at >= words.length || words[at + 2] !== segment) return -1;
    const prefix = k === last && entry.prefixLast;
    if (!wordIs(folded, words, at, entry.words[k] as string, entry.hashes[k] as number, prefix)) return -1;
  }
  return w + last * FIELDS;
}

/** Reused between calls (one title at a time); a title's own list is made only when it has hits. */
const scratch: TermHit[] = [];
const NO_HITS: readonly TermHit[] = Object.freeze([]);

/**
 * Every listed term in a folded text and its word data (see WordField). Where terms overlap the
 * longest wins, so "kills 99.9%" is reported once rather than as "kills" too.
 */
export function findTerms(
  lists: CompiledLists,
  folded: string,
  words: readonly number[],
  hasCjk: boolean,
): readonly TermHit[] {
  const hits = scratch;
  // Setting the length is a call into the runtime: done only when a hit was left behind.
  if (hits.length !== 0) hits.length = 0;
  const { firstFilter, prefixFilter } = lists;
  for (let w = 0; w < words.length; w += FIELDS) {
    const hash = words[w + 3] as number;
    if (firstFilter[filterSlot(hash)] === 1) {
      const exact = lists.byFirst.get(hash);
      if (exact) {
        for (const entry of exact) {
          const end = matchesAt(entry, folded, words, w);
          if (end >= 0)
            hits.push({ kind: entry.kind, term: entry.term, start: words[w] as number, end: words[end + 1] as number });
        }
      }
    }
    const start = words[w] as number;
    if ((words[w + 1] as number) - start < MIN_PREFIX) continue;
    // prefixKey, inline: the hash of the first three units.
    const key =
      (Math.imul(Math.imul(folded.charCodeAt(start), 31) + folded.charCodeAt(start + 1), 31) +
        folded.charCodeAt(start + 2)) &
      0x3fffffff;
    if (prefixFilter[filterSlot(key)] === 1) {
      const prefixed = lists.byPrefix.get(key);
      if (prefixed) {
        for (const entry of prefixed) {
          if (wordIs(folded, words, w, entry.words[0] as string, 0, true)) {
            hits.push({ kind: entry.kind, term: entry.term, start: words[w] as number, end: words[w + 1] as number });
          }
        }
      }
    }
  }
  if (hasCjk) {
    // One pass over the text, trying only the terms that start with the character at hand.
    const cjkFilter = lists.cjkFilter;
    for (let at = 0; at < folded.length; at++) {
      const first = folded.charCodeAt(at);
      if (cjkFilter[first] !== 1) continue;
      for (const entry of lists.cjkByFirst.get(first) as readonly CjkEntry[]) {
        if (folded.startsWith(entry.text, at)) {
          hits.push({ kind: entry.kind, term: entry.term, start: at, end: at + entry.text.length });
        }
      }
    }
  }
  if (hits.length === 0) return NO_HITS;
  const own = longestFirst(hits.slice());
  hits.length = 0;
  return own;
}

/** Drops hits contained in a longer hit of the same kind. */
function longestFirst(hits: TermHit[]): TermHit[] {
  if (hits.length < 2) return hits;
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TermHit[] = [];
  for (const hit of hits) {
    const covered = kept.some((k) => k.kind === hit.kind && k.start <= hit.start && k.end >= hit.end);
    if (!covered) kept.push(hit);
  }
  return kept;
}
