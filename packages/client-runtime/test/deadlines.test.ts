import { afterEach, describe, expect, it, vi } from "vitest";
import { createDeadlines } from "../src/deadlines.js";
import { activeTimers } from "./active-timers.js";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("createDeadlines", () => {
  it("expires each deadline once it passes, whatever the order they were added in", async () => {
    const deadlines = createDeadlines();
    const start = performance.now();
    const expired: [string, number][] = [];
    deadlines.add(90, () => expired.push(["long", performance.now() - start]));
    deadlines.add(30, () => expired.push(["short", performance.now() - start]));
    await sleep(150);
    expect(expired.map(([name]) => name)).toEqual(["short", "long"]);
    expect(expired[0]![1]).toBeGreaterThanOrEqual(29);
    expect(expired[1]![1]).toBeGreaterThanOrEqual(89);
  });

  it("never expires a cancelled deadline, and still serves the ones after it", async () => {
    const deadlines = createDeadlines();
    const expired: string[] = [];
    deadlines.cancel(deadlines.add(20, () => expired.push("cancelled")));
    const start = performance.now();
    let at = 0;
    deadlines.add(60, () => {
      expired.push("kept");
      at = performance.now() - start;
    });
    await sleep(120);
    expect(expired).toEqual(["kept"]);
    expect(at).toBeGreaterThanOrEqual(59);
  });

  it("waits past setTimeout's longest delay instead of firing at once, and forever for Infinity", async () => {
    const deadlines = createDeadlines();
    const expired: string[] = [];
    const arming = vi.spyOn(globalThis, "setTimeout");
    const far = deadlines.add(2 ** 32, () => expired.push("far"));
    const never = deadlines.add(Infinity, () => expired.push("never"));
    await sleep(30);
    expect(expired).toEqual([]);
    // Armed once, not re-armed every millisecond by a delay that overflowed.
    expect(arming.mock.calls.filter(([, ms]) => ms !== 30)).toHaveLength(1);
    deadlines.cancel(far);
    deadlines.cancel(never);
  });

  it("never keeps a Node process alive: its timer is unref'd", () => {
    const before = activeTimers();
    const deadlines = createDeadlines();
    const deadline = deadlines.add(60_000, () => undefined);
    expect(activeTimers()).toBe(before);
    deadlines.cancel(deadline);
    expect(activeTimers()).toBe(before);
  });

  it("clears its timer when nothing is pending where timers cannot be unref'd (browsers, Deno)", () => {
    // Timers as browsers have them: numbers, without unref.
    const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = globalThis;
    const live = new Map<number, ReturnType<typeof setTimeout>>();
    let next = 1;
    vi.stubGlobal("setTimeout", (run: () => void, ms: number) => {
      const id = next++;
      live.set(id, realSetTimeout(run, ms));
      return id;
    });
    vi.stubGlobal("clearTimeout", (id: number) => {
      realClearTimeout(live.get(id));
      live.delete(id);
    });
    const deadlines = createDeadlines();
    const first = deadlines.add(60_000, () => undefined);
    const second = deadlines.add(60_000, () => undefined);
    deadlines.cancel(first);
    expect(live.size).toBe(1);
    deadlines.cancel(second);
    expect(live.size).toBe(0);
  });
});
