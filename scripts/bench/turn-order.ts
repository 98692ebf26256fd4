/**
 * The order the contenders take within one turn of rounds: a Williams design, the crossover
 * trials' answer to carry-over effects. Over a cycle of turns each contender runs first equally
 * often and follows every other one equally often, so the garbage a contender leaves for the
 * next to collect falls on all alike (in a merely rotating order, each always followed the same
 * neighbour and paid for its garbage). The cycle is `n` turns for an even count, `2n` for an odd one.
 */
export function turnOrder(turn: number, count: number): number[] {
  // 0, 1, n-1, 2, n-2, …: the differences between neighbours are each 1 … n-1 once.
  const base = [0];
  for (let step = 1; base.length < count; step++) {
    base.push(step);
    if (base.length < count) base.push(count - step);
  }
  const row = base.map((contender) => (contender + turn) % count);
  // With an odd count the rows alone repeat some successions; their mirror images balance them.
  return count % 2 === 1 && Math.floor(turn / count) % 2 === 1 ? row.reverse() : row;
}

/** Turns in one balanced cycle of `turnOrder`. */
export function turnCycle(count: number): number {
  return count % 2 === 0 ? count : 2 * count;
}
