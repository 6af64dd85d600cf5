import { ruleById } from '../compliance/registry';
import type { ImageCheckResult } from '../compliance/types';
import { parseSkuKey } from '../model/keys';
import { updateSettings } from '../settings';
import type { Settings } from '../settings/schema';
import type { ImageService } from './images';

/**
 * The background's compliance answers besides the badges: muting a rule for one SKU, and the
 * image results the dashboard's findings list shows.
 */

let queue: Promise<unknown> = Promise.resolve();

/**
 * Mutes or unmutes one rule for one SKU key and returns that key's muted rules. Writes go one
 * after another, so two quick clicks (or two tabs) never lose each other's change to a
 * read-modify-write race inside this worker.
 */
export function muteFinding(key: string, ruleId: string, muted: boolean): Promise<string[]> {
  if (!ruleById(ruleId)) {
    return Promise.reject(new Error(`Unknown rule “${ruleId}”: nothing was muted. Reload the page and try again.`));
  }
  if (!parseSkuKey(key)) {
    return Promise.reject(new Error('Not a SKU key: nothing was muted. Reload the page and try again.'));
  }
  const run = queue.then(async () => {
    const next = await updateSettings((settings) => setMuted(settings, key, ruleId, muted));
    return next.compliance.mutedPerSku[key] ?? [];
  });
  queue = run.catch(() => undefined);
  return run;
}

/** The settings with `ruleId` muted (or not) for `key`; an SKU left with nothing muted is removed. */
export function setMuted(settings: Settings, key: string, ruleId: string, muted: boolean): Settings {
  const current = settings.compliance.mutedPerSku[key] ?? [];
  const next = muted ? [...new Set([...current, ruleId])] : current.filter((id) => id !== ruleId);
  const mutedPerSku = { ...settings.compliance.mutedPerSku };
  if (next.length > 0) mutedPerSku[key] = next;
  else delete mutedPerSku[key];
  return { ...settings, compliance: { ...settings.compliance, mutedPerSku } };
}

/** What the background knows of these images now, for the dashboard; no check is started. */
export async function knownImageResults(
  images: ImageService,
  urls: readonly string[],
  settings: Settings,
): Promise<{ enabled: boolean; results: Record<string, ImageCheckResult> }> {
  const lookup = await images.known(urls, settings);
  const results: Record<string, ImageCheckResult> = {};
  if (!lookup.enabled) return { enabled: false, results };
  for (const url of urls) {
    const result = lookup.result(url);
    if (result) results[url] = result;
  }
  return { enabled: true, results };
}
