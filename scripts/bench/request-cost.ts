import { forkContender } from "./fork-contender.js";
import { startLoopbackServer } from "./loopback-server.js";
import { median, percentile, round } from "./measure.js";
import { turnCycle, turnOrder } from "./turn-order.js";

export interface RequestCost {
  name: string;
  requestsPerSecond: number;
  /** The median round's p50, and the median cycle of turns' p99 (see cycleP99Ms), in ms. */
  p50Ms: number;
  p99Ms: number;
  /** The same percentiles over every call of the run, the machine's slow moments included. */
  wholeRunP50Ms: number;
  wholeRunP99Ms: number;
  /** The client process's CPU time (user + system) per call, median of the rounds, in µs. */
  cpuUsPerCall: number;
  /** Milliseconds each round of calls took, in turn order: rounds compare side by side. */
  roundMs: number[];
  /** CPU µs per call of each round, in turn order. */
  roundCpuUs: number[];
  /** Each round's p50 in ms, in turn order. */
  roundP50Ms: number[];
  /**
   * The p99 in ms of each whole cycle of the balanced order, in turn order: a round has too few
   * calls beyond its p99 (3 or 4 of 400) for it to be more than a count of the round's pauses.
   */
  cycleP99Ms: number[];
  /** Garbage-collection pauses that began during its rounds, per 1000 calls: how many, and their ms. */
  gcPausesPerThousand: number;
  gcMsPerThousand: number;
}

/** How many times the floor's figure a contender's was: the median round, and the middle half of rounds. */
export interface TimeRatio {
  median: number;
  low: number;
  high: number;
}

/** Rounds per contender, at least: rounded up to whole cycles of the balanced order. */
const MIN_ROUNDS = 28;
/**
 * Calls per contender in one round, at most. More calls make more rounds, not longer ones: a
 * round's ratio swings with the machine's moment however long the round is (28 rounds of three
 * times the calls left the spread between runs as it was), so only more rounds steady the median.
 */
const MAX_CALLS_PER_ROUND = 400;

/** How many turns of rounds `calls` per contender take, and the calls of each contender's round. */
export function roundPlan(calls: number, contenders: number): { turns: number; perRound: number } {
  const cycle = turnCycle(contenders);
  const turns = Math.ceil(Math.max(MIN_ROUNDS, calls / MAX_CALLS_PER_ROUND) / cycle) * cycle;
  return { turns, perRound: Math.ceil(calls / turns) };
}

/** What measureRequestCost asks of a contender's process (contender-process.ts), and its answers. */
export type ContenderRequest = { round: number } | { finish: true };
export interface RoundReport {
  callMs: number[];
  cpuUs: number;
}
export interface FinishReport {
  gcPauses: { count: number; ms: number };
}

/**
 * Per-request cost, side by side against one loopback server in another process: the
 * contenders of request-contenders.ts, named in its order (plain `fetch`, the floor, first), each
 * in a process of its own, the same number of sequential calls each, after a warm-up. Each
 * process collects only its own garbage, as an application using one client does: in one shared
 * process, the fetch-based clients' garbage was collected in part during the others' rounds. The
 * contenders take turns over many short rounds, in a balanced order (see turn-order.ts), so a
 * slow moment of the machine hits all alike; each round records its call times and its
 * process's CPU time.
 */
export async function measureRequestCost(
  calls: number,
  contenders: readonly string[],
  node: string,
): Promise<RequestCost[]> {
  const server = await startLoopbackServer();
  const processes: ContenderProcess[] = [];
  try {
    // One at a time, so that no warm-up competes with another for the CPU.
    for (const [index, name] of contenders.entries())
      processes.push(await startContenderProcess(node, index, name, server.baseUrl));
    const { turns, perRound } = roundPlan(calls, processes.length);
    const samples = processes.map(() => [] as number[]);
    const roundMs = processes.map(() => [] as number[]);
    const roundCpuUs = processes.map(() => [] as number[]);
    const roundP50Ms = processes.map(() => [] as number[]);
    for (let turn = 0; turn < turns; turn++) {
      for (const index of turnOrder(turn, processes.length)) {
        const { callMs, cpuUs } = await processes[index]!.ask<RoundReport>({ round: perRound });
        samples[index]!.push(...callMs);
        roundMs[index]!.push(callMs.reduce((sum, sample) => sum + sample, 0));
        roundCpuUs[index]!.push(cpuUs / perRound);
        roundP50Ms[index]!.push(percentile(callMs, 50));
      }
    }
    const finished: FinishReport[] = [];
    for (const contender of processes) finished.push(await contender.ask<FinishReport>({ finish: true }));
    return contenders.map((name, index) => {
      const taken = samples[index]!;
      const cycleP99Ms = percentileOfEach(taken, turnCycle(processes.length) * perRound, 99);
      const thousands = taken.length / 1000;
      const seconds = taken.reduce((sum, sample) => sum + sample, 0) / 1000;
      const { gcPauses } = finished[index]!;
      return {
        name,
        requestsPerSecond: Math.round(taken.length / seconds),
        p50Ms: round(median(roundP50Ms[index]!), 3),
        p99Ms: round(median(cycleP99Ms), 3),
        wholeRunP50Ms: round(percentile(taken, 50), 3),
        wholeRunP99Ms: round(percentile(taken, 99), 3),
        cpuUsPerCall: round(median(roundCpuUs[index]!), 1),
        roundMs: roundMs[index]!,
        roundCpuUs: roundCpuUs[index]!,
        roundP50Ms: roundP50Ms[index]!,
        cycleP99Ms,
        gcPausesPerThousand: round(gcPauses.count / thousands, 1),
        gcMsPerThousand: round(gcPauses.ms / thousands, 1),
      };
    });
  } finally {
    for (const contender of processes) contender.kill();
    server.stop();
  }
}

interface ContenderProcess {
  /** Sends one request and waits for its answer; rejects, naming the contender, if the process dies first. */
  ask<Report>(request: ContenderRequest): Promise<Report>;
  kill(): void;
}

/** Starts the process of the contender at `index` (called `name` in messages) on `node` and waits until it has warmed up. */
async function startContenderProcess(
  node: string,
  index: number,
  name: string,
  baseUrl: string,
): Promise<ContenderProcess> {
  const child = forkContender(node, [String(index), baseUrl]);
  const next = <Reply>() =>
    new Promise<Reply>((resolve, reject) => {
      const exited = (code: number | null, signal: string | null) =>
        reject(
          new Error(`the benchmark's process for ${name} ended (${signal ?? `exit code ${code}`}) before it answered`),
        );
      child.once("exit", exited);
      child.once("message", (reply: Reply) => {
        child.off("exit", exited);
        resolve(reply);
      });
    });
  await next<"ready">();
  return {
    ask<Report>(request: ContenderRequest) {
      const reply = next<Report>();
      child.send(request);
      return reply;
    },
    kill: () => child.kill(),
  };
}

/** The `p`th percentile of each run of `size` consecutive samples (a last, shorter one is left out). */
export function percentileOfEach(samples: readonly number[], size: number, p: number): number[] {
  return Array.from({ length: Math.floor(samples.length / size) }, (_, run) =>
    percentile(samples.slice(run * size, (run + 1) * size), p),
  );
}

/**
 * A contender's time over the floor's, round by round: neighbouring rounds share the machine's
 * moment, so their ratio is steadier than one of totals, and its spread shows how far to trust it.
 */
export function timeRatio(contender: RequestCost, floor: RequestCost): TimeRatio {
  return roundRatio(contender.roundMs, floor.roundMs);
}

/** The same for CPU per call: what the client itself costs, whatever the server and the network do. */
export function cpuRatio(contender: RequestCost, floor: RequestCost): TimeRatio {
  return roundRatio(contender.roundCpuUs, floor.roundCpuUs);
}

/**
 * A contender's p50 and p99 over another's: each round's p50 against the other's of the same
 * turn, and each cycle's p99 against the other's of the same cycle, which met the same moments of
 * the machine. A slow stretch then weighs on both sides of a ratio, not on whoever it fell on.
 */
export function latencyRatios(contender: RequestCost, other: RequestCost): { p50: TimeRatio; p99: TimeRatio } {
  return {
    p50: roundRatio(contender.roundP50Ms, other.roundP50Ms),
    p99: roundRatio(contender.cycleP99Ms, other.cycleP99Ms),
  };
}

function roundRatio(contender: readonly number[], floor: readonly number[]): TimeRatio {
  const ratios = contender.map((value, turn) => value / floor[turn]!);
  return {
    median: round(median(ratios), 2),
    low: round(percentile(ratios, 25), 2),
    high: round(percentile(ratios, 75), 2),
  };
}
