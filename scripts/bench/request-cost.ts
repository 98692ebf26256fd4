import { spawn } from "node:child_process";
import { once } from "node:events";
import { gcPausesByContender, recordGcPauses, type Round } from "./gc-pauses.js";
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

/** The one customer the loopback server answers every contender with. */
export const CUSTOMER_ID = "x4xCwxxJxGCx123Rx5xTx";
const CUSTOMER = JSON.stringify({ id: CUSTOMER_ID, name: "Example Media Ltd", force_2fa: true, billing_network_type: "public", created_at: null, updated_at: null, deleted_at: null });

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

/**
 * The loopback server, in a process of its own so that its work and its garbage collection are
 * not counted in the clients' time or CPU. It prints its port, then answers every request alike.
 */
const SERVER = `
const { createServer } = require("node:http");
const body = ${JSON.stringify(CUSTOMER)};
const server = createServer((request, response) => {
  request.resume();
  response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
process.stdin.on("end", () => process.exit(0)).resume();
`;

/**
 * Per-request cost, side by side against one loopback server in another process: plain `fetch`
 * (the floor) and each given client call, the same number of sequential calls each, after a
 * warm-up. The contenders take turns over many short rounds, in a balanced order (see
 * turn-order.ts), so a slow moment of the machine and the garbage of the contender before hit all
 * alike; each round records its wall time and this process's CPU time.
 */
export async function measureRequestCost(calls: number, clients: { name: string; connect: (baseUrl: string) => () => Promise<unknown> }[]): Promise<RequestCost[]> {
  const server = await startLoopbackServer();
  try {
    const { baseUrl } = server;
    const plainFetch = { name: "plain fetch", connect: (url: string) => async () => (await fetch(`${url}/customer/${CUSTOMER_ID}`, { headers: { "Fastly-Key": "k" } })).json() };
    const contenders = [plainFetch, ...clients].map(({ name, connect }) => ({ name, call: connect(baseUrl) }));
    for (const contender of contenders) for (let warmUp = 0; warmUp < 300; warmUp++) await contender.call();
    const { turns, perRound } = roundPlan(calls, contenders.length);
    const samples = contenders.map(() => [] as number[]);
    const roundMs = contenders.map(() => [] as number[]);
    const roundCpuUs = contenders.map(() => [] as number[]);
    const roundP50Ms = contenders.map(() => [] as number[]);
    const rounds: Round[] = [];
    const gc = recordGcPauses();
    for (let turn = 0; turn < turns; turn++) {
      for (const index of turnOrder(turn, contenders.length)) {
        const contender = contenders[index]!;
        const taken = new Array<number>(perRound);
        const start = performance.now();
        const cpuBefore = process.cpuUsage();
        for (let call = 0; call < perRound; call++) {
          const before = performance.now();
          await contender.call();
          taken[call] = performance.now() - before;
        }
        const cpu = process.cpuUsage(cpuBefore);
        rounds.push({ contender: index, start, end: performance.now() });
        samples[index]!.push(...taken);
        roundMs[index]!.push(taken.reduce((sum, sample) => sum + sample, 0));
        roundCpuUs[index]!.push((cpu.user + cpu.system) / perRound);
        roundP50Ms[index]!.push(percentile(taken, 50));
      }
    }
    const gcPauses = gcPausesByContender(await gc.stop(), rounds, contenders.length);
    return contenders.map((contender, index) => {
      const taken = samples[index]!;
      const cycleP99Ms = percentileOfEach(taken, turnCycle(contenders.length) * perRound, 99);
      const thousands = taken.length / 1000;
      const seconds = taken.reduce((sum, sample) => sum + sample, 0) / 1000;
      return {
        name: contender.name,
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
        gcPausesPerThousand: round(gcPauses[index]!.count / thousands, 1),
        gcMsPerThousand: round(gcPauses[index]!.ms / thousands, 1),
      };
    });
  } finally {
    server.stop();
  }
}

/** The `p`th percentile of each run of `size` consecutive samples (a last, shorter one is left out). */
export function percentileOfEach(samples: readonly number[], size: number, p: number): number[] {
  return Array.from({ length: Math.floor(samples.length / size) }, (_, run) => percentile(samples.slice(run * size, (run + 1) * size), p));
}

/** The loopback server (see SERVER), started in a process of its own; `stop` ends it. */
export async function startLoopbackServer(): Promise<{ baseUrl: string; stop: () => void }> {
  // stdin stays open as the server's lifeline: it exits when this process ends, however it ends.
  const server = spawn(process.execPath, ["-e", SERVER], { stdio: ["pipe", "pipe", "inherit"] });
  const [firstLine] = (await once(server.stdout!, "data")) as [Buffer];
  return {
    baseUrl: `http://127.0.0.1:${firstLine.toString().trim()}`,
    stop: () => {
      server.stdin!.end();
      server.kill();
    },
  };
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
  return { p50: roundRatio(contender.roundP50Ms, other.roundP50Ms), p99: roundRatio(contender.cycleP99Ms, other.cycleP99Ms) };
}

function roundRatio(contender: readonly number[], floor: readonly number[]): TimeRatio {
  const ratios = contender.map((value, turn) => value / floor[turn]!);
  return { median: round(median(ratios), 2), low: round(percentile(ratios, 25), 2), high: round(percentile(ratios, 75), 2) };
}
