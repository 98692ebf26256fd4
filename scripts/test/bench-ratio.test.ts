import { describe, expect, it } from "vitest";
import { gcPausesDuring } from "../bench/gc-pauses.js";
import {
  cpuRatio,
  latencyRatios,
  percentileOfEach,
  roundPlan,
  timeRatio,
  type RequestCost,
} from "../bench/request-cost.js";
import { parseProcStat, watchStolenTime } from "../bench/stolen-time.js";
import { turnCycle } from "../bench/turn-order.js";

const contender = (
  roundMs: number[],
  roundCpuUs: number[] = [],
  roundP50Ms: number[] = [],
  cycleP99Ms: number[] = [],
): RequestCost => ({
  name: "x",
  requestsPerSecond: 0,
  p50Ms: 0,
  p99Ms: 0,
  wholeRunP50Ms: 0,
  wholeRunP99Ms: 0,
  cpuUsPerCall: 0,
  roundMs,
  roundCpuUs,
  roundP50Ms,
  cycleP99Ms,
  gcPausesPerThousand: 0,
  gcMsPerThousand: 0,
});

describe("timeRatio", () => {
  it("is not moved by one round a hiccup of the machine hit", () => {
    // Totals would say 3.36×; round by round the contender takes 1.2× the floor's time.
    const floor = contender([100, 100, 100, 100, 100]);
    expect(timeRatio(contender([120, 120, 120, 120, 1200]), floor).median).toBe(1.2);
  });

  it("reports the median round and the middle half of rounds", () => {
    const floor = contender(Array(8).fill(100));
    const ratio = timeRatio(contender([110, 150, 120, 130, 200, 100, 140, 160]), floor);
    expect(ratio).toEqual({ median: 1.4, low: 1.2, high: 1.6 });
  });
});

describe("cpuRatio", () => {
  it("compares CPU per call round by round, as timeRatio compares time", () => {
    // One round's 10× (a collection that fell on it) moves only the top of the middle half.
    const floor = contender([], [40, 40, 40, 40, 40]);
    expect(cpuRatio(contender([], [44, 42, 46, 48, 400]), floor)).toEqual({ median: 1.15, low: 1.1, high: 1.2 });
  });
});

describe("latencyRatios", () => {
  it("compares each round's p50 and each cycle's p99 with the other's of the same time, not whole runs'", () => {
    // The machine slowed down in the third and fourth, more in our rounds than in the other's:
    // pooled, our p99 would be the slower; side by side ours is 0.8× of theirs.
    const ours = contender([], [], [0.4, 0.4, 0.8, 0.8, 0.4], [2, 2, 9, 9, 2]);
    const theirs = contender([], [], [0.5, 0.5, 0.8, 0.8, 0.5], [2.5, 2.5, 8, 8, 2.5]);
    expect(latencyRatios(ours, theirs)).toEqual({
      p50: { median: 0.8, low: 0.8, high: 1 },
      p99: { median: 0.8, low: 0.8, high: 1.13 },
    });
  });
});

describe("percentileOfEach", () => {
  it("takes the percentile of each cycle's calls in turn, leaving out an unfinished one", () => {
    const calls = [...Array.from({ length: 100 }, (_, i) => i), ...Array.from({ length: 100 }, (_, i) => 1000 + i), 5];
    expect(percentileOfEach(calls, 100, 99)).toEqual([99, 1099]);
    expect(percentileOfEach(calls, 100, 50)).toEqual([50, 1050]);
  });
});

describe("roundPlan", () => {
  it("takes at least 28 rounds, in whole cycles of the balanced order", () => {
    expect(roundPlan(1_000, 7)).toEqual({ turns: 28, perRound: 36 });
    expect(roundPlan(1_000, 4)).toEqual({ turns: 28, perRound: 36 });
  });

  it("meets more calls with more rounds of at most 400 calls, not with longer ones", () => {
    for (const [calls, contenders] of [
      [12_000, 7],
      [36_000, 7],
      [36_000, 3],
      [100_000, 8],
    ] as const) {
      const { turns, perRound } = roundPlan(calls, contenders);
      expect(turns % turnCycle(contenders)).toBe(0);
      expect(perRound).toBeLessThanOrEqual(400);
      expect(turns * perRound).toBeGreaterThanOrEqual(calls);
      // No more than one cycle of rounds beyond what 400 calls a round need.
      expect(turns - turnCycle(contenders)).toBeLessThan(calls / 400);
    }
    expect(roundPlan(36_000, 7)).toEqual({ turns: 98, perRound: 368 });
  });
});

describe("gcPausesDuring", () => {
  it("counts the pauses that began during a round, and none between rounds", () => {
    const rounds = [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    const pauses = [
      { start: 2, duration: 1.5 },
      { start: 10, duration: 4 },
      { start: 29.9, duration: 2 },
      { start: 30, duration: 8 },
    ];
    expect(gcPausesDuring(pauses, rounds)).toEqual({ count: 2, ms: 3.5 });
    expect(gcPausesDuring(pauses, [])).toEqual({ count: 0, ms: 0 });
  });
});

describe("watchStolenTime", () => {
  const stat = (user: number, idle: number, steal: number) =>
    `cpu  ${user} 0 100 ${idle} 10 0 5 ${steal} 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n`;

  it("reads the machine's ticks from /proc/stat's cpu line", () => {
    expect(parseProcStat(stat(1000, 2000, 50))).toEqual({ total: 3165, steal: 50 });
    expect(parseProcStat("intr 1 2 3\n")).toBeUndefined();
  });

  it("gives the share of the machine's time the host took meanwhile, in percent", () => {
    const readings = [stat(1000, 2000, 50), stat(1700, 2200, 150)];
    expect(watchStolenTime(() => readings.shift()!).stop()).toBe(10);
  });

  it("says nothing where the system does not tell", () => {
    const unreadable = () => {
      throw new Error("ENOENT: no such file or directory, open '/proc/stat'");
    };
    expect(watchStolenTime(unreadable).stop()).toBeUndefined();
  });
});
