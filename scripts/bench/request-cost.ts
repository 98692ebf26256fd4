import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { median, percentile, round } from "./measure.js";

export interface RequestCost {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Milliseconds each round of calls took, in turn order: rounds compare side by side. */
  roundMs: number[];
}

/** How many times the floor's time a contender took: the median round, and the middle half of rounds. */
export interface TimeRatio {
  median: number;
  low: number;
  high: number;
}

/** The one customer the loopback server answers every contender with. */
export const CUSTOMER_ID = "x4xCwxxJxGCx123Rx5xTx";
const CUSTOMER = JSON.stringify({ id: CUSTOMER_ID, name: "Example Media Ltd", force_2fa: true, billing_network_type: "public" });

const ROUNDS = 20;

/**
 * Per-request cost, side by side against one loopback server: plain `fetch` (the floor) and
 * each given client call, the same number of sequential calls each, after a warm-up. The
 * contenders take turns over many short rounds, so a slow moment of the machine hits all alike.
 */
export async function measureRequestCost(calls: number, clients: { name: string; connect: (baseUrl: string) => () => Promise<unknown> }[]): Promise<RequestCost[]> {
  const server = createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(CUSTOMER));
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const plainFetch = { name: "plain fetch", connect: (url: string) => async () => (await fetch(`${url}/customer/${CUSTOMER_ID}`, { headers: { "Fastly-Key": "k" } })).json() };
  const contenders = [plainFetch, ...clients].map(({ name, connect }) => ({ name, call: connect(baseUrl) }));
  try {
    for (const contender of contenders) for (let warmUp = 0; warmUp < 200; warmUp++) await contender.call();
    const samples = contenders.map(() => [] as number[]);
    const roundMs = contenders.map(() => [] as number[]);
    for (let turn = 0; turn < ROUNDS; turn++) {
      for (const [index, contender] of contenders.entries()) {
        let took = 0;
        for (let call = 0; call < Math.ceil(calls / ROUNDS); call++) {
          const before = performance.now();
          await contender.call();
          const sample = performance.now() - before;
          samples[index]!.push(sample);
          took += sample;
        }
        roundMs[index]!.push(took);
      }
    }
    return contenders.map((contender, index) => {
      const taken = samples[index]!;
      const seconds = taken.reduce((sum, sample) => sum + sample, 0) / 1000;
      return { name: contender.name, requestsPerSecond: Math.round(taken.length / seconds), p50Ms: round(percentile(taken, 50), 3), p99Ms: round(percentile(taken, 99), 3), roundMs: roundMs[index]! };
    });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((closed) => server.close(() => closed()));
  }
}

/**
 * A contender's time over the floor's, round by round: neighbouring rounds share the machine's
 * moment, so their ratio is steadier than one of totals, and its spread shows how far to trust it.
 */
export function timeRatio(contender: RequestCost, floor: RequestCost): TimeRatio {
  const ratios = contender.roundMs.map((took, turn) => took / floor.roundMs[turn]!);
  return { median: round(median(ratios), 2), low: round(percentile(ratios, 25), 2), high: round(percentile(ratios, 75), 2) };
}
