import { marketplaceByCode } from '../marketplaces';
import type { Listing } from '../model/listing';
import { analyseTitle, compileBrandTerms, type TitleAnalysis } from './analyse';
import type { ImageCheckResult, RuleContext } from './types';

export interface ContextOptions {
  /** settings.compliance.brandTerms */
  brandTerms?: readonly string[];
  /** Listings that share ASINs with the ones evaluated: the page's, and the store's where known. */
  listingsForAsin?: (asin: string) => readonly Listing[];
  imageResult?: (url: string) => ImageCheckResult | undefined;
  /** Force a listing language instead of the marketplace's (tests, and titles known to be in another language). */
  language?: string;
}

/** The listing language from its marketplace; English when the marketplace is unknown. */
export function listingLanguage(listing: Pick<Listing, 'marketplace'>): string {
  const code = listing.marketplace;
  if (!code) return 'en';
  let language = languageByCode.get(code);
  if (language === undefined) {
    language = marketplaceByCode(code)?.language ?? 'en';
    languageByCode.set(code, language);
  }
  return language;
}

const languageByCode = new Map<string, string>();

const NO_LISTINGS: readonly Listing[] = Object.freeze([]);

/** An ASIN lookup over a set of listings (a page read, or the store's latest state). */
export function indexByAsin(listings: Iterable<Listing>): (asin: string) => readonly Listing[] {
  const index = new Map<string, Listing[]>();
  for (const listing of listings) {
    if (!listing.asin) continue;
    const list = index.get(listing.asin);
    if (list) list.push(listing);
    else index.set(listing.asin, [listing]);
  }
  return (asin) => index.get(asin) ?? NO_LISTINGS;
}

/**
 * A context for one evaluation pass (one page read, one preview). The rules of one listing share
 * its title analysis: it is kept for the listing evaluated last, not for every listing, because
 * holding thousands of analyses alive costs more (in garbage collection) than redoing one.
 */
export function createRuleContext(options: ContextOptions = {}): RuleContext {
  const brandTerms = options.brandTerms ?? [];
  const brands = compileBrandTerms(brandTerms);
  const languageOf = options.language ? () => options.language as string : listingLanguage;
  let lastListing: Listing | undefined;
  let lastTitle: string | undefined;
  let lastMarketplace: string | null = null;
  let lastAnalysis: TitleAnalysis | undefined;
  return {
    brandTerms,
    languageOf,
    title(listing) {
      const title = listing.title;
      if (title === undefined) return undefined;
      if (listing !== lastListing || title !== lastTitle || listing.marketplace !== lastMarketplace || !lastAnalysis) {
        lastAnalysis = analyseTitle(title, languageOf(listing), brands);
        lastListing = listing;
        lastTitle = title;
        lastMarketplace = listing.marketplace;
      }
      return lastAnalysis;
    },
    listingsForAsin: options.listingsForAsin ?? (() => NO_LISTINGS),
    imageResult: options.imageResult ?? (() => undefined),
  };
}
