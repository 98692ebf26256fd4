import { describe, expect, it } from "vitest";
import { turnCycle, turnOrder } from "../bench/turn-order.js";

describe("turnOrder", () => {
  it.each([2, 3, 4, 5, 6, 7, 8])(
    "with %i contenders, over one cycle, puts each first equally often and after every other equally often",
    (count) => {
      const turns = Array.from({ length: turnCycle(count) }, (_, turn) => turnOrder(turn, count));
      const everyone = Array.from({ length: count }, (_, contender) => contender);
      for (const order of turns) expect([...order].sort((a, b) => a - b)).toEqual(everyone);
      const firsts = new Map<number, number>();
      const follows = new Map<string, number>();
      for (const order of turns) {
        firsts.set(order[0]!, (firsts.get(order[0]!) ?? 0) + 1);
        for (let step = 1; step < count; step++)
          follows.set(`${order[step - 1]}→${order[step]}`, (follows.get(`${order[step - 1]}→${order[step]}`) ?? 0) + 1);
      }
      expect(new Set(firsts.values()).size).toBe(1);
      expect(firsts.size).toBe(count);
      // Every ordered pair of different contenders, the same number of times.
      expect(follows.size).toBe(count * (count - 1));
      expect(new Set(follows.values()).size).toBe(1);
    },
  );
});
