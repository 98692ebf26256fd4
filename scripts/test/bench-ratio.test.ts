import { describe, expect, it } from "vitest";
import { cpuRatio, timeRatio, type RequestCost } from "../bench/request-cost.js";

const contender = (roundMs: number[], roundCpuUs: number[] = []): RequestCost => ({ name: "x", requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, cpuUsPerCall: 0, roundMs, roundCpuUs });

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
