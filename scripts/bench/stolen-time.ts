import { readFileSync } from "node:fs";

/** The machine's CPU time so far in clock ticks: all of it, and what the hypervisor gave other guests. */
export interface CpuTicks {
  total: number;
  steal: number;
}

/** The `cpu` line of Linux's /proc/stat; guest time is already counted in user time. */
export function parseProcStat(text: string): CpuTicks | undefined {
  const line = text.split("\n").find((row) => row.startsWith("cpu "));
  if (!line) return undefined;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { total: user + nice + system + idle + iowait + irq + softirq + steal, steal };
}

/**
 * Watches how much of the machine's CPU time the host took for other guests (steal time): a
 * host busy elsewhere slows every contender, and some rounds more than others. `stop` gives the
 * share since the start, in percent, or undefined where the system does not say (only Linux does).
 */
export function watchStolenTime(read: () => string = () => readFileSync("/proc/stat", "utf8")): {
  stop: () => number | undefined;
} {
  const sample = () => {
    try {
      return parseProcStat(read());
    } catch {
      return undefined;
    }
  };
  const before = sample();
  return {
    stop() {
      const after = sample();
      if (!before || !after || after.total <= before.total) return undefined;
      return (100 * (after.steal - before.steal)) / (after.total - before.total);
    },
  };
}
