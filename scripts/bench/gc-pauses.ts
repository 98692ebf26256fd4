import { PerformanceObserver } from "node:perf_hooks";

/** One garbage-collection pause of this process, on `performance.now()`'s clock. */
export interface GcPause {
  start: number;
  duration: number;
}

/** When a round ran, on the same clock. */
export interface Span {
  start: number;
  end: number;
}

/** Starts noting every garbage-collection pause (V8's `gc` performance entries); `stop` hands them over. */
export function recordGcPauses(): { stop: () => Promise<GcPause[]> } {
  const pauses: GcPause[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ entryTypes: ["gc"] });
  return {
    async stop() {
      // Entries are delivered after the fact: let the last ones arrive.
      await new Promise((settled) => setTimeout(settled, 50));
      observer.disconnect();
      return pauses;
    },
  };
}

/** The pauses that began during one of the rounds: how many, and their milliseconds. */
export function gcPausesDuring(pauses: readonly GcPause[], rounds: readonly Span[]): { count: number; ms: number } {
  const during = pauses.filter((pause) => rounds.some(({ start, end }) => pause.start >= start && pause.start < end));
  return { count: during.length, ms: during.reduce((sum, pause) => sum + pause.duration, 0) };
}
