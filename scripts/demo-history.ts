import type { Launched } from '../test/support/browser';

/**
 * Seeds the demo profile with plausible history so badges and charts show real figures on the
 * first run. Returns a one-line description, or undefined while there is no history store yet.
 */
export async function seedDemoHistory(_launched: Launched): Promise<string | undefined> {
  return undefined;
}
