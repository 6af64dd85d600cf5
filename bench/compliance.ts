/**
 * Compliance rules speed: every text and offer rule over 10,000 varied listings (several
 * languages, CJK titles, long titles, claims, brand terms, MFN/FBA siblings). Budget 100 ms.
 * Each run uses a fresh rule context, so titles are analysed from scratch as on a fresh page.
 * Run by hand: npx tsx bench/compliance.ts
 */
import { createRuleContext, indexByAsin } from '../lib/compliance/context';
import { en } from '../lib/compliance/data/en';
import { evaluateListings } from '../lib/compliance/registry';
import type { Listing } from '../lib/model/listing';
import { type Figure, figure, median } from './types';

const COUNT = 10_000;
const RUNS = 15;

/** A small deterministic generator, so every run and every machine checks the same listings. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

const PARTS: Record<string, { marketplace: string; words: string[]; extras: string[] }> = {
  en: {
    marketplace: 'US',
    words:
      'Stainless Steel Soap Dish Holder with Drain for Bathroom Kitchen Sink Shower Wall Mounted Rustproof 2 Pack Black Silicone Sponge Organizer Tray Self Draining Waterfall Design'.split(
        ' ',
      ),
    extras: [
      'Antibacterial',
      'Free Shipping',
      'Best Seller!',
      'KILLS 99.9% OF GERMS',
      '<b>New</b>',
      'for ADHD',
      '~Cute~',
    ],
  },
  de: {
    marketplace: 'DE',
    words:
      'Seifenschale aus Edelstahl für Badezimmer und Küche mit Ablauf rostfrei 2er Pack schwarz Schwammhalter Organizer selbstentwässernd Wandmontage ohne Bohren'.split(
        ' ',
      ),
    extras: ['Antibakteriell', 'Versandkostenfrei', 'tötet 99,9% Keime', 'gegen Arthrose'],
  },
  fr: {
    marketplace: 'FR',
    words:
      'Porte-savon en acier inoxydable pour salle de bain et cuisine avec drainage antirouille lot de 2 noir support éponge organisateur mural sans perçage'.split(
        ' ',
      ),
    extras: ['antibactérien', 'livraison gratuite', 'désinfectant'],
  },
  it: {
    marketplace: 'IT',
    words:
      'Portasapone in acciaio inox per bagno e cucina con scarico antiruggine confezione da 2 nero porta spugna organizer a parete senza foratura'.split(
        ' ',
      ),
    extras: ['antibatterico', 'spedizione gratuita', 'igienizzante'],
  },
  es: {
    marketplace: 'ES',
    words:
      'Jabonera de acero inoxidable para baño y cocina con drenaje antioxidante paquete de 2 negro soporte de esponja organizador de pared sin taladrar'.split(
        ' ',
      ),
    extras: ['antibacteriano', 'envío gratis', 'mata 99,9% de gérmenes'],
  },
  ja: {
    marketplace: 'JP',
    words:
      'ソープディッシュ ステンレス 石鹸置き 水切り 浴室 キッチン 壁掛け 錆びない 2個セット ブラック スポンジホルダー 収納 穴あけ不要'.split(
        ' ',
      ),
    extras: ['抗菌', '送料無料', '除菌', 'ランキング1位！'],
  },
  zh: {
    marketplace: 'US',
    words: '不锈钢 肥皂盒 沥水 浴室 厨房 壁挂式 防锈 2个装 黑色 海绵架 收纳 免打孔'.split(' '),
    extras: ['抗菌', '包邮', '杀菌', '治疗失眠'],
  },
};
const LANGUAGES = Object.keys(PARTS);

function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** 10,000 listings across seven languages (one in seven per language), the same on every run. */
export function buildListings(count = COUNT, seed = 42): Listing[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const listings: Listing[] = [];
  for (let i = 0; i < count; i++) {
    const language = LANGUAGES[i % LANGUAGES.length] as string;
    const parts = PARTS[language]!;
    // Like real titles: mostly distinct words, some long ones that use a word twice, a few that
    // overuse one, and claims, promotions and special characters here and there.
    const shuffled = shuffle(parts.words, next);
    const words = shuffled.slice(0, 6 + Math.floor(next() * (shuffled.length - 6)));
    if (next() < 0.1) words.push(...shuffled.slice(0, 8));
    if (next() < 0.05) {
      const overused = pick(words);
      words.push(overused, overused);
    }
    if (next() < 0.3) words.splice(Math.floor(next() * words.length), 0, pick(parts.extras));
    if (next() < 0.05) words.unshift('ACME!');
    const title = words.join(language === 'ja' || language === 'zh' ? (next() < 0.5 ? ' ' : '') : ' ');
    const fba = next() < 0.4;
    const asin = `B0${String(Math.floor(i / 2)).padStart(8, '0')}`;
    const price = next() < 0.03 ? undefined : Math.round(next() * 5000) / 100;
    listings.push({
      account: 'A1',
      marketplace: parts.marketplace,
      sku: `SKU-${i}`,
      asin,
      title: next() < 0.01 ? undefined : title,
      channel: fba ? 'fba' : 'mfn',
      price,
      minPrice: next() < 0.3 ? 5 : undefined,
      maxPrice: next() < 0.3 ? 40 : undefined,
      currency: 'USD',
      quantityEditable: !fba,
      stock: { available: next() < 0.2 ? 0 : Math.floor(next() * 200) },
      state: next() < 0.1 ? 'inactive' : 'active',
      reasons: next() < 0.05 ? ['pricing_error'] : [],
      statusText: 'Active',
      isParent: next() < 0.02,
    });
  }
  return listings;
}

/**
 * The same-run comparison: lower-case every title, split it on spaces and look each word up in
 * one set of English terms. The least any word-list check can do; the ratio shows what the rules
 * cost on top of it, on whatever machine runs the bench.
 */
const NAIVE_TERMS = new Set(en.promotional.concat(en.pesticide, en.medical).filter((term) => !term.includes(' ')));

function naivePass(listings: readonly Listing[]): number {
  let hits = 0;
  for (const listing of listings) {
    if (!listing.title) continue;
    for (const word of listing.title.toLowerCase().split(/\s+/)) if (NAIVE_TERMS.has(word)) hits++;
  }
  return hits;
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export async function benchCompliance(): Promise<Figure[]> {
  const listings = buildListings();
  const settings = { rules: {}, mutedPerSku: {}, brandTerms: ['ACME!'], imageChecks: false };
  const lookup = indexByAsin(listings);
  const times: number[] = [];
  const baselines: number[] = [];
  let findings = 0;
  for (let run = 0; run < RUNS; run++) {
    times.push(
      timed(() => {
        // A new context each run, as for each page read: every title is analysed again; only the
        // compiled word lists and character tables carry over, as they do in the content script.
        const context = createRuleContext({ brandTerms: settings.brandTerms, listingsForAsin: lookup });
        const results = evaluateListings(listings, context, settings, { categories: ['title', 'claims', 'offer'] });
        findings = results.reduce((sum, list) => sum + list.length, 0);
      }),
    );
    baselines.push(timed(() => naivePass(listings)));
    await Promise.resolve();
  }
  // A benchmark of a path that finds nothing would measure the wrong thing.
  if (findings === 0) throw new Error('bench/compliance: no findings at all, the listings do not exercise the rules');
  return [
    figure({
      name: 'compliance: text and offer rules, 10,000 listings (median)',
      value: round(median(times)),
      unit: 'ms',
      baseline: round(median(baselines)),
      budget: 100,
      note: 'baseline: lower-case, split and look up each title word once',
    }),
    figure({
      name: 'compliance: first run (word lists compiled, code not yet optimised)',
      value: round(times[0] as number),
      unit: 'ms',
    }),
    figure({ name: 'compliance: findings over 10,000 listings', value: findings, unit: 'findings' }),
  ];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

if (typeof process !== 'undefined' && process.argv[1]?.replace(/\\/g, '/').endsWith('bench/compliance.ts')) {
  void benchCompliance().then((figures) => {
    for (const { name, value, unit, baseline, ratio, pass } of figures) {
      const compared = baseline === null ? '' : ` (baseline ${baseline} ${unit}, ×${ratio?.toFixed(1)})`;
      console.log(`${name}: ${value} ${unit}${compared}${pass === null ? '' : pass ? ' ✓' : ' ✗ over budget'}`);
    }
  });
}
