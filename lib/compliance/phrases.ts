import { LANGUAGE_DATA } from './data';
import type { LanguageData } from './data/types';
import { CharClass, charClass, fold, type Token, tokenise } from './text';

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
  /** Exact-word entries by their first word. */
  readonly byFirst: ReadonlyMap<string, readonly WordEntry[]>;
  /** 1 where some first word has that wordHash: most words of a title are ruled out without a map lookup. */
  readonly firstFilter: Uint8Array;
  /** 1 where some prefix entry has that prefixKey, folded to 16 bits. */
  readonly prefixFilter: Uint8Array;
  /** Single-word prefix entries, by the first two UTF-16 units of the prefix (see prefixKey). */
  readonly byPrefix: ReadonlyMap<number, readonly WordEntry[]>;
  /** CJK entries by their first UTF-16 unit. */
  readonly cjkByFirst: ReadonlyMap<number, readonly CjkEntry[]>;
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

/** A prefix needs this many letters, so "an*" cannot match half the dictionary. */
const PREFIX_MIN_LENGTH = 3;

/** The first two units of a word as one number: a map key that costs no string allocation per word. */
function prefixKey(word: string): number {
  return word.charCodeAt(0) * 0x10000 + word.charCodeAt(1);
}

/** First two units and length, hashed to 16 bits, for the filters. */
function wordHash(word: string): number {
  return ((word.charCodeAt(0) * 31 + (word.charCodeAt(1) || 0)) * 31 + word.length) & 0xffff;
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
    words.push({ kind, term, words: sequence, prefixLast });
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
  const byFirst = new Map<string, WordEntry[]>();
  const firstFilter = new Uint8Array(0x10000);
  const prefixFilter = new Uint8Array(0x10000);
  const byPrefix = new Map<number, WordEntry[]>();
  const cjkByFirst = new Map<number, CjkEntry[]>();
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
        prefixFilter[prefixKey(first) & 0xffff] = 1;
      } else {
        push(byFirst, first, entry);
        firstFilter[wordHash(first)] = 1;
      }
    }
    for (const entry of compiled.cjk) {
      const key = `${entry.kind}|${entry.text}`;
      if (!cjkSeen.has(key)) {
        cjkSeen.add(key);
        push(cjkByFirst, entry.text.charCodeAt(0), entry);
      }
    }
  }
  return { languages, byFirst, firstFilter, byPrefix, prefixFilter, cjkByFirst, stopWords };
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

function matchesAt(entry: WordEntry, tokens: readonly Token[], at: number): number {
  const first = tokens[at] as Token;
  const last = entry.words.length - 1;
  for (let k = 0; k <= last; k++) {
    const token = tokens[at + k];
    if (!token || token.segment !== first.segment) return -1;
    const word = entry.words[k] as string;
    if (k === last && entry.prefixLast ? !token.text.startsWith(word) : token.text !== word) return -1;
  }
  return at + last;
}

/** Reused between calls (one title at a time); a title's own list is made only when it has hits. */
const scratch: TermHit[] = [];
const NO_HITS: readonly TermHit[] = Object.freeze([]);

/**
 * Every listed term in a tokenised, folded text. Where terms overlap the longest wins, so
 * "kills 99.9%" is reported once rather than as "kills" too.
 */
export function findTerms(
  lists: CompiledLists,
  folded: string,
  tokens: readonly Token[],
  hasCjk: boolean,
): readonly TermHit[] {
  const hits = scratch;
  hits.length = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const exact = lists.firstFilter[wordHash(token.text)] === 1 ? lists.byFirst.get(token.text) : undefined;
    if (exact) {
      for (const entry of exact) {
        const end = matchesAt(entry, tokens, i);
        if (end >= 0)
          hits.push({ kind: entry.kind, term: entry.term, start: token.start, end: (tokens[end] as Token).end });
      }
    }
    if (token.text.length >= PREFIX_MIN_LENGTH && lists.prefixFilter[prefixKey(token.text) & 0xffff] === 1) {
      const prefixed = lists.byPrefix.get(prefixKey(token.text));
      if (prefixed) {
        for (const entry of prefixed) {
          if (token.text.startsWith(entry.words[0] as string)) {
            hits.push({ kind: entry.kind, term: entry.term, start: token.start, end: token.end });
          }
        }
      }
    }
  }
  if (hasCjk) {
    // One pass over the text, trying only the terms that start with the character at hand.
    for (let at = 0; at < folded.length; at++) {
      const candidates = lists.cjkByFirst.get(folded.charCodeAt(at));
      if (!candidates) continue;
      for (const entry of candidates) {
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
