/** Medians and rates: every figure in the table is the median of several rounds. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `round` `rounds` times and returns the median of the per-round results. */
export async function medianOf(rounds: number, round: () => Promise<number> | number): Promise<number> {
  const results: number[] = [];
  for (let i = 0; i < rounds; i++) results.push(await round());
  return median(results);
}

/** Operations per second for `n` sequential calls of `op`. */
export async function ratePerSecond(n: number, op: (i: number) => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < n; i++) await op(i);
  return (n * 1000) / (performance.now() - start);
}

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
