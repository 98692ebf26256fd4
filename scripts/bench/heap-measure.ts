import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { PerformanceObserver } from "node:perf_hooks";

/** What a contender's process measures of its heap (see garbage-per-call.ts). */
export type HeapMeasure = "garbage" | "promotion";

/**
 * The calls each measurement makes. Promotion is measured after a longer warm-up: while a node is
 * young its young generation is still growing and its first compilations are settling, which
 * promotes kilobytes per call that a long-running client no longer pays.
 */
export const HEAP_CALLS = { garbage: 1000, promotionWarmUp: 3000, promotion: 5000 };

export interface HeapReport {
  /** Bytes the used heap grew by (garbage); 0 for promotion, which is read from V8's trace. */
  grown: number;
  /** Collections during a garbage measurement, which would make it undercount. */
  collections: number;
}

/** Runs in the contender's process, after its warm-up: the calls of one measurement. */
export async function measureHeap(measure: HeapMeasure, call: () => Promise<unknown>): Promise<HeapReport> {
  if (measure === "promotion") {
    for (let made = 0; made < HEAP_CALLS.promotionWarmUp; made++) await call();
    // Traced from here on only, so that the warm-up's collections are not counted.
    setFlagsFromString("--trace-gc-nvp");
    for (let made = 0; made < HEAP_CALLS.promotion; made++) await call();
    setFlagsFromString("--no-trace-gc-nvp");
    return { grown: 0, collections: 0 };
  }
  (globalThis as { gc?: () => void }).gc!();
  let collections = 0;
  const observer = new PerformanceObserver((list) => (collections += list.getEntries().length));
  observer.observe({ entryTypes: ["gc"] });
  const before = getHeapStatistics().used_heap_size;
  for (let made = 0; made < HEAP_CALLS.garbage; made++) await call();
  const grown = getHeapStatistics().used_heap_size - before;
  await new Promise((done) => setTimeout(done, 10));
  observer.disconnect();
  return { grown, collections };
}
