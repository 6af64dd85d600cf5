import { describe, expect, it } from 'vitest';
import { SCENARIOS, SEEDS, scoreScenario, simulate } from '@/bench/velocity';

/**
 * The accuracy targets of the benchmark, enforced: the same simulation, the same fixed seeds.
 * Stock-out scenarios: at least 30 % lower error than a plain 30-day average. Steady ≥ 3 a day after
 * 30 days: within 10 %.
 */
describe('velocity accuracy on simulated sales', () => {
  for (const scenario of SCENARIOS.filter((s) => s.target)) {
    it(scenario.name, () => {
      const score = scoreScenario(scenario);
      expect(score.unknown).toBe(0);
      if (scenario.target?.maxMape !== undefined) expect(score.mape).toBeLessThanOrEqual(scenario.target.maxMape);
      if (scenario.target?.maxShareOfBaseline !== undefined) {
        expect(score.mape).toBeLessThanOrEqual(scenario.target.maxShareOfBaseline * score.baselineMape);
      }
    });
  }

  it('uses at least 50 seeds and the simulation is reproducible', () => {
    expect(SEEDS).toBeGreaterThanOrEqual(50);
    const [first] = SCENARIOS;
    expect(JSON.stringify(simulate(first!, 7))).toBe(JSON.stringify(simulate(first!, 7)));
    expect(JSON.stringify(simulate(first!, 7))).not.toBe(JSON.stringify(simulate(first!, 8)));
  });
});
