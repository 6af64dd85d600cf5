/**
 * Amazon product-image URLs: `https://m.media-amazon.com/images/I/71abc+L._AC_SL1500_.jpg`. The part
 * between the image id and the extension (`._AC_SL1500_`, `._SX425_`, `._SS40_` …) asks the image
 * server for a resized copy; without it the server sends the original upload.
 */

const AMAZON_IMAGE_HOST = /(^|\.)(media-amazon\.com|ssl-images-amazon\.com|images-amazon\.com)$/i;
/** Product images live under /images/I/ (and /images/P/ for the old ASIN-based form); /images/G/ is site artwork. */
const PRODUCT_PATH = /\/images\/[IP]\//;

interface Parts {
  url: URL;
  dir: string;
  id: string;
  extension: string;
}

function parts(input: string): Parts | undefined {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  if (!AMAZON_IMAGE_HOST.test(url.hostname) || !PRODUCT_PATH.test(url.pathname)) return undefined;
  const slash = url.pathname.lastIndexOf('/');
  const file = url.pathname.slice(slash + 1);
  const firstDot = file.indexOf('.');
  const lastDot = file.lastIndexOf('.');
  if (firstDot <= 0 || lastDot === file.length - 1) return undefined;
  return {
    url,
    dir: url.pathname.slice(0, slash + 1),
    id: file.slice(0, firstDot),
    extension: file.slice(lastDot + 1),
  };
}

function withPath(p: Parts, file: string): string {
  const url = new URL(p.url.toString());
  url.pathname = p.dir + file;
  return url.toString();
}

export function isAmazonImageUrl(url: string): boolean {
  return parts(url) !== undefined;
}

/** The original upload: the size token removed. Other URLs are returned unchanged. */
export function fullSizeUrl(url: string): string {
  const p = parts(url);
  return p ? withPath(p, `${p.id}.${p.extension}`) : url;
}

/**
 * A copy scaled so that its longest side is at most `maxSide` (`._SL<n>_`). Other URLs are
 * returned unchanged, so the caller's decoder must still cope with a large image.
 */
export function withSizeToken(url: string, maxSide: number): string {
  const p = parts(url);
  if (!p) return url;
  const side = Math.max(1, Math.round(maxSide));
  return withPath(p, `${p.id}._SL${side}_.${p.extension}`);
}

/** Amazon's "no image" artwork, which the inventory page shows for a listing without a main image. */
export function isPlaceholderImage(url: string): boolean {
  return /\/images\/G\//.test(url) && /no[-_]?im(?:g|age)/i.test(url);
}
