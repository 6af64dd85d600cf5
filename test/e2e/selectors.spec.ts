import { test as base, expect } from '@playwright/test';
import { SELECTORS, type SelectorSpec } from '../../lib/page/selectors';
import { routeProductImages } from '../fixtures/page-helpers';
import { createFixtureResolver, fixture } from '../fixtures/registry';
import { launchWithExtension } from '../support/browser';
import { routeSellerCentral } from '../support/seller-central';

/**
 * Every selector in lib/page/selectors.ts against the fixtures it names, in real Chromium (not a
 * DOM emulation, whose selector engines disagree with browsers): it matches where it must and
 * nothing where it must not (refined-github's selector contract).
 */

const test = base.extend<object, { launched: Awaited<ReturnType<typeof launchWithExtension>> }>({
  launched: [
    async ({}, use) => {
      const launched = await launchWithExtension({ withExtension: false });
      await routeSellerCentral(launched.context, createFixtureResolver());
      await routeProductImages(launched.context);
      await use(launched);
      await launched.close();
    },
    { scope: 'worker' },
  ],
});

const specs: Array<[string, SelectorSpec]> = [];
for (const [generation, group] of Object.entries(SELECTORS)) {
  for (const [name, value] of Object.entries(group)) {
    if (value && typeof value === 'object' && 'selector' in value)
      specs.push([`${generation}.${name}`, value as SelectorSpec]);
  }
}

const fixtures = [...new Set(specs.flatMap(([, spec]) => [...spec.matches, ...(spec.absent ?? [])]))];

for (const name of fixtures) {
  test(`selectors on ${name}`, async ({ launched }) => {
    const page = await launched.context.newPage();
    await page.goto(fixture(name).url);
    await page.locator('[data-sku], #myitable').first().waitFor();
    for (const [id, spec] of specs) {
      const count = await page.locator(spec.selector).count();
      if (spec.matches.includes(name)) expect(count, `${id} must match on ${name}`).toBeGreaterThan(0);
      if (spec.absent?.includes(name)) expect(count, `${id} must not match on ${name}`).toBe(0);
    }
    await page.close();
  });
}

test('every selector names at least one fixture where it must match, or says why it cannot', () => {
  // Selectors for markup the fixtures show only in some states (the edit bar and its buttons
  // after an edit, error messages after a failed save; the search box's bar is unverified) carry
  // an empty list on purpose; the write tests exercise them.
  const unanchored = specs.filter(([, spec]) => spec.matches.length === 0).map(([id]) => id);
  expect(unanchored.sort()).toEqual([
    'current.editBar',
    'current.editBarButton',
    'current.saveError',
    'current.toolbar',
    'legacy.saveError',
  ]);
});
