import { describe, expect, it } from 'vitest';
import { blankDraft, buildEvent, eventDraft, newEventId } from '@/components/dashboard/alerts/events';
import { buildOverrides, overrideDraft } from '@/components/dashboard/alerts/overrides';
import { DEFAULT_EVENTS, loadSettings, updateSettings } from '@/lib/settings';

const LABELS = {
  name: 'Name',
  start: 'First day',
  end: 'Last day',
  uplift: 'Uplift',
  cutoff: 'Cut-off',
  extra: 'Extra',
};

/**
 * What the dashboard's alert forms build must be saved as built: saveSettings refuses a value the
 * schema would have changed (a different key order included), which once left "Save event" refusing
 * every new event.
 */
describe('the alert settings forms build values the settings accept', () => {
  it('saves a new demand event and a new supply event as typed', async () => {
    const demand = buildEvent(
      {
        ...blankDraft('demand', '2027-01-01'),
        name: 'Spring sale',
        start: '2027-04-10',
        end: '2027-04-12',
        uplift: '1.8',
        cutoff: '2027-03-20',
        marketplaces: ['DE'],
      },
      LABELS,
    );
    const supply = buildEvent(
      { ...blankDraft('supply', '2027-01-01'), name: 'Factory holiday', start: '2027-05-01', end: '2027-05-05' },
      LABELS,
    );
    if (!demand.ok || !supply.ok) throw new Error('both drafts are valid');
    await updateSettings((settings) => {
      settings.events.push({ ...demand.event, id: newEventId(demand.event.name, settings.events) });
      settings.events.push({ ...supply.event, id: newEventId(supply.event.name, settings.events) });
      return settings;
    });
    const { settings } = await loadSettings();
    expect(settings.events.find((e) => e.id === 'spring-sale')).toEqual({
      id: 'spring-sale',
      name: 'Spring sale',
      kind: 'demand',
      marketplaces: ['DE'],
      start: '2027-04-10',
      end: '2027-04-12',
      uplift: 1.8,
      inboundCutoff: '2027-03-20',
      confirmed: true,
    });
    expect(settings.events.find((e) => e.id === 'factory-holiday')).toMatchObject({
      kind: 'supply',
      extraLeadDays: 14,
    });
  });

  it('saves an edited default event', async () => {
    const original = DEFAULT_EVENTS[0];
    if (!original) throw new Error('there are default events');
    const edited = buildEvent({ ...eventDraft(original), end: original.end, confirmed: true }, LABELS);
    if (!edited.ok) throw new Error('the default event is valid');
    await updateSettings((settings) => {
      settings.events = settings.events.map((e) => (e.id === original.id ? { ...edited.event, id: e.id } : e));
      return settings;
    });
    expect((await loadSettings()).settings.events[0]).toEqual({ ...original, confirmed: true });
  });

  it('refuses a cut-off after the first day and an end before the start, naming the problem', () => {
    const base = { ...blankDraft('demand', '2027-01-01'), name: 'Sale', start: '2027-04-10', end: '2027-04-12' };
    expect(buildEvent({ ...base, cutoff: '2027-04-11' }, LABELS)).toEqual({
      ok: false,
      problem: { key: 'alertSettings.events.cutoffAfterStart' },
    });
    expect(buildEvent({ ...base, end: '2027-04-01' }, LABELS)).toEqual({
      ok: false,
      problem: { key: 'alertSettings.events.endBeforeStart' },
    });
  });

  it('saves per-SKU overrides as typed', async () => {
    const { settings } = await loadSettings();
    const key = 'A1\u001fUS\u001fMUG';
    const draft = overrideDraft(settings, key);
    draft.units = '25';
    draft.buffer = '3';
    const air = draft.transit.air;
    if (!air) throw new Error('air is a default method');
    air.min = '5';
    air.max = '9';
    const built = buildOverrides(draft, settings.leadTime.methods, {
      units: 'u',
      days: 'd',
      production: 'p',
      receiving: 'r',
      buffer: 'b',
    });
    if (!built.ok) throw new Error('the draft is valid');
    await updateSettings((next) => {
      if (built.threshold) next.thresholds.perSku[key] = built.threshold;
      if (built.lead) next.leadTimePerSku[key] = built.lead;
      return next;
    });
    const saved = (await loadSettings()).settings;
    expect(saved.thresholds.perSku[key]).toEqual({ units: 25 });
    expect(saved.leadTimePerSku[key]).toEqual({ bufferDays: 3, transit: { air: { minDays: 5, maxDays: 9 } } });
  });
});
