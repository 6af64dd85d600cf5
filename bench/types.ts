/** One measured figure, as `npm run bench` prints it and writes it to bench/results.json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The same quantity for the comparison taken in the same run (null where none applies). */
  baseline: number | null;
  /** value ÷ baseline. */
  ratio: number | null;
  /** The target, compared against `value` or against `ratio` (see budgetOn), or null for a figure only reported. */
  budget: number | null;
  budgetOn?: 'value' | 'ratio';
  /** 'max': must be at most the budget; 'min': at least. */
  budgetIs?: 'max' | 'min';
  pass: boolean | null;
  note?: string;
}

export interface FigureInput {
  name: string;
  value: number;
  unit: string;
  baseline?: number | null;
  budget?: number | null;
  budgetOn?: 'value' | 'ratio';
  budgetIs?: 'max' | 'min';
  note?: string;
}

export function figure(input: FigureInput): Figure {
  const baseline = input.baseline ?? null;
  const ratio = baseline ? input.value / baseline : null;
  const budget = input.budget ?? null;
  const budgetOn = input.budgetOn ?? 'value';
  const budgetIs = input.budgetIs ?? 'max';
  let pass: boolean | null = null;
  if (budget !== null) {
    const measured = budgetOn === 'ratio' ? ratio : input.value;
    pass = measured === null ? false : budgetIs === 'max' ? measured <= budget : measured >= budget;
  }
  return {
    name: input.name,
    value: input.value,
    unit: input.unit,
    baseline,
    ratio,
    budget,
    ...(budget !== null ? { budgetOn, budgetIs } : {}),
    pass,
    ...(input.note ? { note: input.note } : {}),
  };
}

export interface Benchmark {
  name: string;
  run(): Promise<Figure[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
