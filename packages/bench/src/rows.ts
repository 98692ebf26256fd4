/** A row of the printed table: what was measured, the figure, and how. Nothing here is asserted. */
export type Row = [what: string, figure: string, how: string];

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

/** `ours[i] / theirs[i]` for each round: the median, and the rounds' range, as `1.04× (0.98–1.12×)`. */
export function ratioRange(ours: readonly number[], theirs: readonly number[]): { median: number; text: string } {
  const ratios = ours.map((value, round) => value / theirs[round]!);
  const mid = median(ratios);
  const fixed = (value: number) => value.toFixed(2);
  return { median: mid, text: `${fixed(mid)}× (${fixed(Math.min(...ratios))}–${fixed(Math.max(...ratios))}×)` };
}

export function printRows(title: string, rows: readonly Row[]): void {
  const whatWidth = Math.max(...rows.map(([what]) => what.length));
  const figureWidth = Math.max(...rows.map(([, figure]) => figure.length));
  console.log(`${title}\n`);
  for (const [what, figure, how] of rows)
    console.log(`${what.padEnd(whatWidth)}  ${figure.padEnd(figureWidth)}  ${how}`);
}
