import { describe, expect, it } from 'vitest';
import { titleAllCaps, upperShare } from '@/lib/compliance/rules/title-all-caps';
import { isOrdinaryUse, titleDecorativeChars } from '@/lib/compliance/rules/title-decorative-chars';
import { titleEmpty } from '@/lib/compliance/rules/title-empty';
import { titleForbiddenChars } from '@/lib/compliance/rules/title-forbidden-chars';
import { titleLength } from '@/lib/compliance/rules/title-length';
import { titlePromotional } from '@/lib/compliance/rules/title-promotional';
import { titleRepeatedWords } from '@/lib/compliance/rules/title-repeated-words';
import { checkTitle, context, listing, only } from './helpers';

describe('title.empty', () => {
  it('reports an empty or blank title', () => {
    expect(only(checkTitle(titleEmpty, '')).ruleId).toBe('title.empty');
    expect(checkTitle(titleEmpty, ' \u3000 ')).toHaveLength(1);
  });

  it('says nothing when the page shows no title, or a title', () => {
    expect(titleEmpty.check(listing({ title: undefined }), context())).toEqual([]);
    expect(checkTitle(titleEmpty, 'Soap')).toEqual([]);
  });
});

describe('title.length', () => {
  it('allows 200 characters and reports 201', () => {
    expect(checkTitle(titleLength, 'a'.repeat(200))).toEqual([]);
    const finding = only(checkTitle(titleLength, 'a'.repeat(201)));
    expect(finding).toMatchObject({ severity: 'block', params: { length: 201, max: 200 } });
  });

  it('counts CJK characters, not bytes: 200 allowed, 201 not', () => {
    expect(checkTitle(titleLength, '抗'.repeat(200), 'JP')).toEqual([]);
    expect(only(checkTitle(titleLength, '抗'.repeat(201), 'JP')).params.length).toBe(201);
  });

  it('counts an emoji or a rare CJK character as one', () => {
    expect(checkTitle(titleLength, `${'a'.repeat(199)}😀`)).toEqual([]);
    expect(checkTitle(titleLength, `${'a'.repeat(198)}𠀀😀`)).toEqual([]);
  });

  it('counts after NFC normalisation and trimming', () => {
    expect(checkTitle(titleLength, `${'e\u0301'.repeat(200)}`)).toEqual([]);
    expect(checkTitle(titleLength, `  ${'a'.repeat(200)}  `)).toEqual([]);
  });

  it('counts HTML-like text as the characters it is', () => {
    expect(only(checkTitle(titleLength, `<b>${'a'.repeat(194)}</b>`)).params.length).toBe(201);
  });
});

describe('title.forbidden-chars', () => {
  it('reports each forbidden character', () => {
    for (const ch of ['!', '$', '?', '_', '{', '}', '^', '¬', '¦']) {
      expect(checkTitle(titleForbiddenChars, `Soap ${ch} 500 ml`), ch).toHaveLength(1);
    }
  });

  it('lists the characters found once, and counts them all', () => {
    const finding = only(checkTitle(titleForbiddenChars, 'Great Soap!! Really? Yes!'));
    expect(finding.params).toEqual({ chars: '“!”, “?”', count: 4 });
  });

  it('reports full-width forms typed with a CJK input method', () => {
    expect(only(checkTitle(titleForbiddenChars, '抗菌まな板！', 'JP')).params.chars).toBe('“！”');
  });

  it('allows them inside a declared brand, case aside, and nowhere else', () => {
    const brand = { brandTerms: ['Yahoo!'] };
    expect(checkTitle(titleForbiddenChars, 'YAHOO! Mail Mug', 'US', brand)).toEqual([]);
    expect(only(checkTitle(titleForbiddenChars, 'Yahoo! Mail Mug!', 'US', brand)).params.count).toBe(1);
    expect(checkTitle(titleForbiddenChars, 'Yahoo! Mail Mug')).toHaveLength(1);
  });

  it('allows a brand written in full-width characters', () => {
    expect(checkTitle(titleForbiddenChars, 'Ｙａｈｏｏ！ マグ', 'JP', { brandTerms: ['Yahoo!'] })).toEqual([]);
  });

  it('passes ordinary punctuation', () => {
    expect(checkTitle(titleForbiddenChars, 'Soap, 500 ml (2-Pack) – Lavender & Mint; 100% natural')).toEqual([]);
  });
});

describe('title.decorative-chars', () => {
  it('reports decorative use', () => {
    const finding = only(checkTitle(titleDecorativeChars, '***NEW*** ~Cute~ Mug <<Gift>> #Trending'));
    expect(finding.severity).toBe('warn');
    expect(finding.params.chars).toBe('“*”, “~”, “<”, “>”, “#”');
  });

  it('allows identifiers, measurements, ranges and dimensions', () => {
    for (const title of [
      'Style #4301 Mug',
      'Style # 4301 Mug',
      'Dumbbell <10 lb',
      'Kettlebell >= 20 kg',
      'Toy for 3~5 Years',
      'おもちゃ 3〜5歳',
      'Rug 30*40cm',
      'Rug 30cm*40cm',
      'Rug 30 * 40 cm',
      '地毯 30＊40cm',
    ]) {
      expect(checkTitle(titleDecorativeChars, title), title).toEqual([]);
    }
  });

  it('reports HTML-like markup, which Amazon shows as text', () => {
    expect(only(checkTitle(titleDecorativeChars, '<b>Soap</b> 500 ml')).params.chars).toBe('“<”, “>”');
  });

  it('allows them inside a brand', () => {
    expect(checkTitle(titleDecorativeChars, '*NSYNC Poster', 'US', { brandTerms: ['*nsync'] })).toEqual([]);
    expect(checkTitle(titleDecorativeChars, '*NSYNC Poster')).toHaveLength(1);
  });

  it('checks the context on both sides', () => {
    expect(isOrdinaryUse('2*AA', 1)).toBe(false);
    expect(isOrdinaryUse('a*1', 1)).toBe(true);
    expect(isOrdinaryUse('*1', 0)).toBe(false);
    expect(isOrdinaryUse('#', 0)).toBe(false);
  });
});

describe('title.repeated-words', () => {
  it('reports a word used three times whatever its case', () => {
    const finding = only(checkTitle(titleRepeatedWords, 'Soap Bar, soap dish and SOAP saver'));
    expect(finding.params.words).toBe('“Soap” ×3');
    expect(finding.severity).toBe('warn');
  });

  it('allows a word twice', () => {
    expect(checkTitle(titleRepeatedWords, 'Soap Bar and Soap Dish')).toEqual([]);
  });

  it('treats accents and hyphen-joined words as the same word', () => {
    expect(checkTitle(titleRepeatedWords, 'Café café-table CAFÉ', 'FR')).toHaveLength(1);
  });

  it('does not count articles, prepositions and conjunctions, per language', () => {
    expect(
      checkTitle(
        titleRepeatedWords,
        'Set of 3 Bowls for Soup, Set of Spoons for Kids and Cups and Plates and Lids of Steel for You',
      ),
    ).toEqual([]);
    expect(checkTitle(titleRepeatedWords, 'Tasse für die Küche, für die Arbeit und für die Reise', 'DE')).toEqual([]);
    expect(checkTitle(titleRepeatedWords, 'Tasse pour la cuisine, pour le bureau et pour la maison', 'FR')).toEqual([]);
    expect(checkTitle(titleRepeatedWords, 'Taza para la cocina, para el trabajo y para la casa', 'ES')).toEqual([]);
    expect(checkTitle(titleRepeatedWords, 'Tazza per la cucina, per la casa e per il lavoro', 'IT')).toEqual([]);
  });

  it('counts a stop word of another language as a word', () => {
    // "für" is a German preposition, but on amazon.com it is an ordinary word.
    expect(checkTitle(titleRepeatedWords, 'Für Elise Für Piano Für Kids', 'DE')).toEqual([]);
    expect(checkTitle(titleRepeatedWords, 'Für Elise Für Piano Für Kids', 'US')).toHaveLength(1);
  });

  it('ignores numbers and single letters', () => {
    expect(checkTitle(titleRepeatedWords, 'Box 10 x 20 x 30 x 40, 10 10 10')).toEqual([]);
  });

  it('counts the Latin words inside a Chinese or Japanese title, not the CJK text', () => {
    expect(checkTitle(titleRepeatedWords, '抗菌抗菌抗菌抗菌 肥皂肥皂肥皂')).toEqual([]);
    expect(checkTitle(titleRepeatedWords, 'USB 充电器 USB 数据线 USB 转接头')).toHaveLength(1);
  });

  it('lists every repeated word', () => {
    const finding = only(checkTitle(titleRepeatedWords, 'Mug mug MUG cup Cup CUP cup'));
    expect(finding.params).toEqual({ words: '“Mug” ×3, “cup” ×4', count: 2 });
  });
});

describe('title.promotional', () => {
  it.each([
    ['US', 'Soap Bar – Free Shipping', 'Free Shipping'],
    ['US', 'Best Seller Soap Bar', 'Best Seller'],
    ['US', 'Soap 100% Quality Guaranteed', '100% Quality Guaranteed'],
    ['UK', 'HOT ITEM soap', 'HOT ITEM'],
    ['DE', 'Seife Versandkostenfrei', 'Versandkostenfrei'],
    ['DE', 'Günstigster Seifenspender', 'Günstigster'],
    ['FR', 'Savon livraison gratuite', 'livraison gratuite'],
    ['IT', 'Sapone spedizione gratuita', 'spedizione gratuita'],
    ['ES', 'Jabón envío gratis', 'envío gratis'],
    ['JP', '石鹸 送料無料', '送料無料'],
    ['US', '香皂 包邮 热卖', '包邮'],
  ])('%s: reports “%s”', (marketplace, title, found) => {
    const finding = only(checkTitle(titlePromotional, title, marketplace));
    expect(finding.severity).toBe('block');
    expect(finding.params.terms).toContain(`“${found}”`);
  });

  it('matches whole words only', () => {
    expect(checkTitle(titlePromotional, 'Salesforce Admin Guide; Wholesale Soap')).toEqual([]);
    expect(checkTitle(titlePromotional, 'Hotitem Soap')).toEqual([]);
  });

  it('does not apply another marketplace language', () => {
    expect(checkTitle(titlePromotional, 'Savon livraison gratuite', 'US')).toEqual([]);
  });

  it('exempts a declared brand', () => {
    const title = 'BESTSELLER Jeans, Slim Fit';
    expect(checkTitle(titlePromotional, title, 'DE')).toHaveLength(1);
    expect(checkTitle(titlePromotional, title, 'DE', { brandTerms: ['Bestseller'] })).toEqual([]);
  });
});

describe('title.all-caps', () => {
  it('reports a title written in capitals', () => {
    expect(only(checkTitle(titleAllCaps, 'WIRELESS CHARGER PAD FOR IPHONE 15')).severity).toBe('warn');
    expect(checkTitle(titleAllCaps, 'KABELLOSES LADEGERÄT FÜR DAS HANDY', 'DE')).toHaveLength(1);
  });

  it('allows title case, acronyms and short titles', () => {
    expect(checkTitle(titleAllCaps, 'Wireless Charger Pad for iPhone 15, USB-C, LED')).toEqual([]);
    expect(checkTitle(titleAllCaps, 'USB LED HDMI')).toEqual([]);
  });

  it('never reports a Chinese or Japanese title', () => {
    expect(checkTitle(titleAllCaps, '无线充电器 USB-C 快充 LED 指示灯')).toEqual([]);
  });

  it('leaves brand terms out of the count', () => {
    const title = 'ANKER POWERCORE Portable Charger';
    expect(checkTitle(titleAllCaps, title)).toEqual([]);
    expect(
      checkTitle(titleAllCaps, 'ANKER POWERCORE SLIM PORTABLE BATTERY charger', 'US', {
        brandTerms: ['Anker PowerCore'],
      }),
    ).toEqual([]);
    expect(checkTitle(titleAllCaps, 'ANKER POWERCORE SLIM PORTABLE BATTERY charger')).toHaveLength(1);
  });

  it('measures the share of capitals among cased letters', () => {
    expect(upperShare('ABc1', () => false)).toEqual({ letters: 3, share: 2 / 3 });
    expect(upperShare('ÄÖü', () => false).share).toBeCloseTo(2 / 3);
    expect(upperShare('抗菌', () => false)).toEqual({ letters: 0, share: 0 });
  });
});
