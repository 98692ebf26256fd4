/**
 * The request rows on one Node line, in a process of that line (started by requests.ts with the
 * loopback server's URL; prints its figures as JSON). Every contender runs in each of several
 * tinybench rounds, in an order that turns round by round, so a slow moment of the machine falls
 * on all alike. Each task starts after a garbage collection, and its CPU time is its process's
 * over its measured calls.
 */
import { Bench } from "tinybench";
import { contenders } from "./contenders.js";

export interface ContenderRounds {
  name: string;
  /** One figure per round. */
  callsPerSecond: number[];
  p50Ms: number[];
  p99Ms: number[];
  cpuUsPerCall: number[];
}

// By default one round per contender, so that each starts a round once and ends one once.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? contenders.length);
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 1500);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("request-worker.ts needs --expose-gc");

const baseUrl = process.argv[2]!;
const calls = new Map(contenders.map(({ name, connect }) => [name, connect(baseUrl)]));
const rounds = new Map<string, ContenderRounds>(
  contenders.map(({ name }) => [name, { name, callsPerSecond: [], p50Ms: [], p99Ms: [], cpuUsPerCall: [] }]),
);

for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: TIME_MS, warmupTime: 300 });
  const cpuUs = new Map<string, number>();
  const turn = round % contenders.length;
  for (const { name } of [...contenders.slice(turn), ...contenders.slice(0, turn)]) {
    let before = process.cpuUsage();
    bench.add(name, calls.get(name)!, {
      beforeAll(mode) {
        if (mode !== "run") return;
        gc();
        before = process.cpuUsage();
      },
      afterAll(mode) {
        if (mode !== "run") return;
        const used = process.cpuUsage(before);
        cpuUs.set(name, used.user + used.system);
      },
    });
  }
  await bench.run();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== "completed")
      throw new Error(`${task.name}: ${result.state} ${"error" in result ? String(result.error) : ""}`);
    const figures = rounds.get(task.name)!;
    figures.callsPerSecond.push(result.throughput.mean);
    figures.p50Ms.push(result.latency.p50);
    figures.p99Ms.push(result.latency.p99);
    figures.cpuUsPerCall.push(cpuUs.get(task.name)! / result.latency.samplesCount);
  }
}
console.log(JSON.stringify([...rounds.values()]));
process.exit(0); // idle keep-alive connections would hold the process open for seconds
