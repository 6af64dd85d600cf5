import { describe, expect, it } from 'vitest';
import { muteFinding, setMuted } from '@/lib/background/compliance';
import { skuKey } from '@/lib/model/keys';
import { defaultSettings, loadSettings } from '@/lib/settings';

const KEY = skuKey({ account: 'A1', marketplace: 'US', sku: 'LUM-1' });
const OTHER = skuKey({ account: 'A1', marketplace: 'DE', sku: 'LUM-1' });

describe('muting a rule for one SKU', () => {
  it('adds a rule once, removes it, and drops a SKU left with nothing muted', () => {
    let settings = setMuted(defaultSettings(), KEY, 'title.length', true);
    settings = setMuted(settings, KEY, 'title.length', true);
    settings = setMuted(settings, KEY, 'title.all-caps', true);
    expect(settings.compliance.mutedPerSku).toEqual({ [KEY]: ['title.length', 'title.all-caps'] });
    settings = setMuted(settings, KEY, 'title.length', false);
    settings = setMuted(settings, KEY, 'title.all-caps', false);
    expect(settings.compliance.mutedPerSku).toEqual({});
  });

  it('is stored in the settings, per marketplace, and two quick mutes both stay', async () => {
    const [first, second, third] = await Promise.all([
      muteFinding(KEY, 'title.length', true),
      muteFinding(KEY, 'title.forbidden-chars', true),
      muteFinding(OTHER, 'claims.pesticide', true),
    ]);
    expect(first).toEqual(['title.length']);
    expect(second).toEqual(['title.length', 'title.forbidden-chars']);
    expect(third).toEqual(['claims.pesticide']);
    const { settings } = await loadSettings();
    expect(settings.compliance.mutedPerSku).toEqual({
      [KEY]: ['title.length', 'title.forbidden-chars'],
      [OTHER]: ['claims.pesticide'],
    });
    expect(await muteFinding(KEY, 'title.length', false)).toEqual(['title.forbidden-chars']);
  });

  it('refuses an unknown rule or a malformed key, saying so, and changes nothing', async () => {
    await expect(muteFinding(KEY, 'title.nonsense', true)).rejects.toThrow(/Unknown rule “title.nonsense”/);
    await expect(muteFinding('LUM-1', 'title.length', true)).rejects.toThrow(/Not a SKU key/);
    expect((await loadSettings()).settings.compliance.mutedPerSku).toEqual({});
    // A refusal does not block the mutes after it.
    expect(await muteFinding(KEY, 'title.length', true)).toEqual(['title.length']);
  });
});
