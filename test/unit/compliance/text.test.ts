import { describe, expect, it } from 'vitest';
import { analyseTitle, titleLanguages } from '@/lib/compliance/analyse';
import { LANGUAGE_DATA } from '@/lib/compliance/data';
import { compileTerm, listsFor, TERM_KINDS } from '@/lib/compliance/phrases';
import { codePointLength, fold, originalIndex, tokenise } from '@/lib/compliance/text';

describe('fold', () => {
  it('lower-cases ASCII without building a map', () => {
    const folded = fold('Kills 99.9% GERMS');
    expect(folded.text).toBe('kills 99.9% germs');
    expect(folded.origin).toBeNull();
  });

  it('removes Latin accents and maps full-width forms, keeping positions in the original', () => {
    const folded = fold('Désinfectant ＡＢＣ！');
    expect(folded.text).toBe('desinfectant abc!');
    expect(originalIndex(folded, folded.text.indexOf('abc'))).toBe('Désinfectant '.length);
    expect(originalIndex(folded, folded.text.length)).toBe('Désinfectant ＡＢＣ！'.length);
  });

  it('keeps Japanese voiced kana intact', () => {
    expect(fold('ガード').text).toBe('ガード');
  });

  it('treats a decomposed accent like a composed one', () => {
    expect(fold('de\u0301sinfectant').text).toBe(fold('désinfectant').text);
  });
});

describe('tokenise', () => {
  it('splits Latin words on punctuation and keeps CJK out of words', () => {
    const { tokens, hasCjk } = tokenise(fold('抗菌soap, anti-bacterial 肥皂 kills').text);
    expect(tokens.map((t) => t.text)).toEqual(['soap', 'anti', 'bacterial', 'kills']);
    expect(hasCjk).toBe(true);
    // CJK text between two words separates them for phrase matching.
    expect(tokens[2]!.segment).not.toBe(tokens[3]!.segment);
    expect(tokens[1]!.segment).toBe(tokens[2]!.segment);
  });

  it('treats HTML-like text as characters', () => {
    expect(tokenise(fold('<b>Soap</b> &amp; more').text).tokens.map((t) => t.text)).toEqual([
      'b',
      'soap',
      'b',
      'amp',
      'more',
    ]);
  });
});

describe('codePointLength', () => {
  it('counts characters, not bytes or UTF-16 units', () => {
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('抗菌肥皂')).toBe(4);
    expect(new TextEncoder().encode('抗菌肥皂').length).toBe(12);
    expect(codePointLength('𠀀😀')).toBe(2);
    expect('𠀀😀'.length).toBe(4);
  });

  it('counts a lone surrogate as one', () => {
    expect(codePointLength('a\ud800b')).toBe(3);
  });
});

describe('analyseTitle', () => {
  const samples = [
    'Stainless Steel Soap Dish, 2-Pack',
    'SEIFENSCHALE für Küche – Edelstahl',
    'Désinfectant ＡＢＣ！ 30＊40cm',
    '抗菌まな板 ステンレス 2個セット',
    '不锈钢肥皂盒 USB 充电',
    'Emoji 😀 title with 𠀀 and ﬁne print',
    '  padded title  ',
    '',
  ];

  it('reads words and length in one pass exactly as the general functions do', () => {
    for (const title of samples) {
      const analysis = analyseTitle(title, 'en', []);
      expect(analysis.tokens, title).toEqual(tokenise(fold(analysis.text).text).tokens);
      expect(analysis.length, title).toBe(codePointLength(analysis.text));
    }
  });

  it('maps findings back to the title where folding changed its length', () => {
    const analysis = analyseTitle('Ofﬁce 😀 ANTIBACTERIAL soap', 'en', []);
    expect(analysis.folded.origin).not.toBeNull();
    expect(analysis.hits('pesticide').map((hit) => hit.found)).toEqual(['ANTIBACTERIAL']);
  });

  it('counts capitals and finds special characters', () => {
    const analysis = analyseTitle('ABC def! Ä #', 'de', []);
    expect({ letters: analysis.letters, upper: analysis.upper }).toEqual({ letters: 7, upper: 4 });
    expect(analysis.specialChars.map((i) => analysis.text[i])).toEqual(['!', '#']);
  });
});

describe('term syntax', () => {
  it('expands a hyphen into joined and separate spellings', () => {
    const { words } = compileTerm('pesticide', 'anti-bacterial');
    expect(words.map((w) => w.words)).toEqual([['antibacterial'], ['anti', 'bacterial']]);
  });

  it('marks a trailing * as a prefix', () => {
    const { words } = compileTerm('pesticide', 'desinfektion*');
    expect(words[0]).toMatchObject({ words: ['desinfektion'], prefixLast: true });
  });

  it('keeps CJK terms as substrings', () => {
    expect(compileTerm('pesticide', '抗菌').cjk.map((c) => c.text)).toEqual(['抗菌']);
  });

  it('rejects terms that cannot match', () => {
    expect(() => compileTerm('promotional', '  ')).toThrow(/Empty/);
    expect(() => compileTerm('promotional', '%%')).toThrow(/no letters/);
    expect(() => compileTerm('promotional', 'an*')).toThrow(/too short/);
    expect(() => compileTerm('promotional', 'a*b')).toThrow(/only allowed at the end/);
  });
});

describe('language data', () => {
  const languages = Object.keys(LANGUAGE_DATA);

  it('covers the marketplace languages the issue names', () => {
    expect(languages.sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'zh']);
  });

  for (const language of languages) {
    it(`${language}: every term compiles and finds itself in a title`, () => {
      const data = LANGUAGE_DATA[language]!;
      const marketplace = language === 'zh' ? 'en' : language;
      for (const kind of TERM_KINDS) {
        expect(data[kind].length, `${language} ${kind} is empty`).toBeGreaterThan(0);
        for (const term of data[kind]) {
          const written = term.replace(/\*$/, 'xyz');
          const title = analyseTitle(`Widget ${written} widget`, marketplace, []);
          const found = title.hits(kind).map((hit) => hit.term);
          expect(found, `${language} ${kind} "${term}"`).toContain(term);
        }
      }
    });

    it(`${language}: stop words are not also listed terms`, () => {
      const data = LANGUAGE_DATA[language]!;
      const terms = new Set(TERM_KINDS.flatMap((kind) => data[kind]));
      for (const word of data.stopWords) expect(terms.has(word), `${language} "${word}"`).toBe(false);
    });
  }

  it('applies the marketplace language, English, and Chinese or Japanese by script', () => {
    expect(titleLanguages('de', { hasCjk: false, hasKana: false })).toEqual(['de', 'en']);
    expect(titleLanguages('en', { hasCjk: true, hasKana: false })).toEqual(['en', 'zh']);
    expect(titleLanguages('en', { hasCjk: true, hasKana: true })).toEqual(['en', 'ja']);
    expect(titleLanguages('ja', { hasCjk: true, hasKana: false })).toEqual(['ja', 'en']);
    // No lists for Dutch yet: English only.
    expect(titleLanguages('nl', { hasCjk: false, hasKana: false })).toEqual(['en']);
  });

  it('compiles each language set once', () => {
    expect(listsFor(['de', 'en'])).toBe(listsFor(['de', 'en']));
  });
});
