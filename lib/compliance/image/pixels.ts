import { IMAGE_LIMITS } from '../data/limits';

/**
 * Share of the image's outermost ring of pixels that is white: every channel at least `minChannel`
 * once composited over white (Amazon shows transparent areas as white, so a transparent PNG
 * background counts as white). `rgba` is row-major, four bytes per pixel, as canvas getImageData gives.
 */
export function borderWhiteness(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  minChannel: number = IMAGE_LIMITS.whiteChannelMin,
): number {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`borderWhiteness: the image has no pixels (${width}×${height})`);
  }
  if (rgba.length < width * height * 4) {
    throw new RangeError(`borderWhiteness: ${rgba.length} bytes for ${width}×${height} RGBA pixels`);
  }
  let white = 0;
  let total = 0;
  const visit = (x: number, y: number) => {
    const at = (y * width + x) * 4;
    const alpha = (rgba[at + 3] as number) / 255;
    const over = 255 * (1 - alpha);
    total++;
    if (
      (rgba[at] as number) * alpha + over >= minChannel &&
      (rgba[at + 1] as number) * alpha + over >= minChannel &&
      (rgba[at + 2] as number) * alpha + over >= minChannel
    ) {
      white++;
    }
  };
  for (let x = 0; x < width; x++) {
    visit(x, 0);
    if (height > 1) visit(x, height - 1);
  }
  for (let y = 1; y < height - 1; y++) {
    visit(0, y);
    if (width > 1) visit(width - 1, y);
  }
  return white / total;
}
