import { PerformanceObserver } from "node:perf_hooks";

/** One garbage-collection pause of this process, on `performance.now()`'s clock. */
export interface GcPause {
  start: number;
  duration: number;
}

/** When one contender's round ran, on the same clock. */
export interface Round {
  contender: number;
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

/**
 * Each contender's pauses: those that began during one of its rounds (the garbage a contender
 * makes is mostly collected while it runs). The slowest 1% of calls are mostly these pauses.
 */
export function gcPausesByContender(pauses: readonly GcPause[], rounds: readonly Round[], contenders: number): { count: number; ms: number }[] {
  const totals = Array.from({ length: contenders }, () => ({ count: 0, ms: 0 }));
  for (const pause of pauses) {
    const round = rounds.find(({ start, end }) => pause.start >= start && pause.start < end);
    if (!round) continue;
    totals[round.contender]!.count += 1;
    totals[round.contender]!.ms += pause.duration;
  }
  return totals;
}
