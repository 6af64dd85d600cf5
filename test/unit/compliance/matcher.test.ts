import { describe, expect, it } from 'vitest';
import { analyseTitle } from '@/lib/compliance/analyse';
import { titleRepeatedWords } from '@/lib/compliance/rules/title-repeated-words';
import { fold, hashWord, tokenise, WORD_FIELDS, WordField, wordData } from '@/lib/compliance/text';
import { checkTitle, only } from './helpers';

/**
 * The title scan reads words, their hashes, scripts and counts in one pass and the phrase matcher
 * looks words up by hash. These tests hold both to the general functions (fold, tokenise) and to
 * what a seller writes: overlaps, word boundaries, CJK without spaces, full-width forms, case.
 */

function found(title: string, kind: 'promotional' | 'pesticide' | 'medical', language = 'en'): string[] {
  return analyseTitle(title, language, [])
    .hits(kind)
    .map((hit) => hit.found);
}

describe('title scan', () => {
  // One per path through the scan: ASCII, accents, capitals with accents, CJK with and without
  // kana, full-width forms, a capital that lower-cases to ASCII (Kelvin sign), a final sigma, and
  // the slow paths (ligature, astral characters, a decomposed accent, İ whose lower case is longer).
  const titles = [
    'Stainless Steel Soap Dish, 2-Pack',
    'SEIFENSCHALE für KÜCHE – Édition spéciale',
    '抗菌まな板ステンレス2個セット',
    '不锈钢肥皂盒USB充电 黑色',
    'ＡＮＴＩＢＡＣＴＥＲＩＡＬ ｓｏａｐ　３０＊４０ｃｍ！',
    'Thermometer 300 \u212a range',
    'ΟΔΥΣΣΕΑΣ ΣΑΠΟΥΝΙ σαπούνι',
    'Ofﬁce 😀 soap 𠀀 dish',
    'De\u0301sinfectant wipes',
    'İstanbul SOAP dish',
    '',
    '!!!',
  ];

  it('gives the words (with their hashes) that fold and tokenise give', () => {
    for (const title of titles) {
      const analysis = analyseTitle(title, 'en', []);
      const folded = fold(analysis.text);
      expect(analysis.folded.text, title).toBe(folded.text);
      expect(analysis.words, title).toEqual(wordData(folded.text, tokenise(folded.text).tokens));
      expect(analysis.tokens, title).toEqual(tokenise(folded.text).tokens);
    }
  });

  it('hashes each word as hashWord does, within small-integer range', () => {
    const analysis = analyseTitle('Désinfectant ANTIBACTERIAL 抗菌 soap', 'fr', []);
    for (let w = 0; w < analysis.words.length; w += WORD_FIELDS) {
      const start = analysis.words[w + WordField.Start] as number;
      const end = analysis.words[w + WordField.End] as number;
      const hash = analysis.words[w + WordField.Hash] as number;
      expect(hash).toBe(hashWord(analysis.folded.text, start, end));
      expect(hash).toBeGreaterThanOrEqual(0);
      expect(hash).toBeLessThan(2 ** 30);
    }
  });

  it('separates words at CJK text, and a phrase does not run across it', () => {
    const analysis = analyseTitle('kills抗菌99.9% germs', 'en', []);
    expect(analysis.tokens.map((token) => [token.text, token.segment])).toEqual([
      ['kills', 0],
      ['99', 2],
      ['9', 2],
      ['germs', 2],
    ]);
    expect(found('kills抗菌99.9% germs', 'pesticide')).toEqual(['kills', '抗菌']);
  });
});

describe('phrase matcher', () => {
  it('keeps the longest of overlapping terms of one kind, in title order', () => {
    expect(found('KILLS 99.9% of germs, kills odours', 'pesticide')).toEqual(['KILLS 99.9%', 'kills']);
  });

  it('keeps overlapping terms of different kinds', () => {
    const analysis = analyseTitle('Best Seller antibacterial soap', 'en', []);
    expect(analysis.hits('promotional').map((hit) => hit.found)).toEqual(['Best Seller']);
    expect(analysis.hits('pesticide').map((hit) => hit.found)).toEqual(['antibacterial']);
  });

  it('matches whole words only, and prefixes only at the start of a word', () => {
    expect(found('Skills kit, kills-free', 'pesticide')).toEqual(['kills']);
    expect(found('Desinfektionsmittel, Handdesinfektion', 'pesticide', 'de')).toEqual(['Desinfektionsmittel']);
  });

  it('does not take a word for a term because they share their first letters', () => {
    // "anti…" words that are not claims share the first three letters with the prefix terms.
    expect(found('Antirutsch Antirost Antihaft', 'pesticide', 'de')).toEqual([]);
  });

  it('finds Chinese and Japanese terms inside text without spaces', () => {
    expect(found('家用抗菌砧板厨房', 'pesticide')).toEqual(['抗菌']);
    expect(found('まな板抗菌食洗機対応', 'pesticide', 'ja')).toEqual(['抗菌']);
    expect(found('不锈钢肥皂盒治疗失眠', 'medical')).toEqual(['治疗', '失眠']);
  });

  it('matches full-width forms and reports them as written', () => {
    expect(found('ＡＮＴＩＢＡＣＴＥＲＩＡＬ ｓｏａｐ', 'pesticide')).toEqual(['ＡＮＴＩＢＡＣＴＥＲＩＡＬ']);
    expect(found('ランキング１位！ ソープディッシュ', 'promotional', 'ja')).toEqual(['ランキング１位']);
  });

  it('ignores case and accents, and reports the title’s own spelling', () => {
    expect(found('AnTiBaCtErIaL wipes', 'pesticide')).toEqual(['AnTiBaCtErIaL']);
    expect(found('Lingettes DÉSINFECTANTES', 'pesticide', 'fr')).toEqual(['DÉSINFECTANTES']);
  });
});

describe('repeated words by hash', () => {
  it('tells apart different words with the same hash', () => {
    // Two different words with one hashWord value: counted by their text, not their hash.
    expect(hashWord('lddogxh')).toBe(hashWord('ctrzyma'));
    const finding = only(checkTitle(titleRepeatedWords, 'lddogxh ctrzyma lddogxh ctrzyma lddogxh'));
    expect(finding.params.words).toBe('“lddogxh” ×3');
  });

  it('counts across case and accents, at the first spelling', () => {
    const finding = only(checkTitle(titleRepeatedWords, 'Café soap CAFE dish cafe'));
    expect(finding.params.words).toBe('“Café” ×3');
  });
});
