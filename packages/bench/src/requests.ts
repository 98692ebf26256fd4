/**
 * The request rows on each Node line (BENCH_NODE_LINES, default `20,22,24`; a line other than this
 * machine's is installed once from the npm registry's `node` package): each contender's figures,
 * and the goals: our CPU per call at most 1.10× openapi-fetch alone's on the same `fetch` (what our
 * layer costs), and p50 and p99 ahead of each provider's SDK. Ratios are taken round by round (the
 * rounds' median, and their range), as the contenders of a round shared the machine's moment.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { nodeLineBin } from "../../../scripts/node-lines/node-line.js";
import {
  CYBERSOURCE,
  CYBERSOURCE_SDK,
  FASTLY,
  FASTLY_SDK,
  OPENAPI_FETCH,
  OPENAPI_FETCH_TIMEOUT,
} from "./contenders.js";
import { startLoopbackServer } from "./loopback-server.js";
import type { ContenderRounds } from "./request-worker.js";
import type { Row } from "./rows.js";
import { median, ratioRange } from "./rows.js";

const LINES = (process.env.BENCH_NODE_LINES ?? "20,22,24").split(",").map(Number);

export async function requestRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const line of LINES) {
    const node =
      Number(process.versions.node.split(".")[0]) === line ? process.execPath : join(await nodeLineBin(line), "node");
    const server = await startLoopbackServer();
    try {
      const { stdout } = await promisify(execFile)(
        node,
        ["--expose-gc", "--import", "tsx", "src/request-worker.ts", server.baseUrl],
        { cwd: join(import.meta.dirname, ".."), maxBuffer: 64 * 1024 * 1024 },
      );
      const version = (await promisify(execFile)(node, ["--version"])).stdout.trim();
      rows.push(...lineRows(version, JSON.parse(stdout) as ContenderRounds[]));
    } finally {
      server.stop();
    }
  }
  return rows;
}

function lineRows(version: string, contenders: ContenderRounds[]): Row[] {
  const at = `requests, Node ${version}`;
  const of = (name: string) => contenders.find((contender) => contender.name === name)!;
  const rows: Row[] = contenders.map((c) => [
    `${at}, ${c.name}`,
    `${Math.round(median(c.callsPerSecond))} calls/s, p50 ${median(c.p50Ms).toFixed(3)} ms, p99 ${median(c.p99Ms).toFixed(3)} ms, CPU ${Math.round(median(c.cpuUsPerCall))} µs/call`,
    `the median of ${c.p50Ms.length} tinybench rounds of sequential GETs of one customer from a loopback server`,
  ]);
  const layer = ratioRange(of(FASTLY).cpuUsPerCall, of(OPENAPI_FETCH).cpuUsPerCall);
  rows.push([
    `${at}, our layer's CPU`,
    `${layer.text} openapi-fetch alone's (goal ≤ 1.10×: ${layer.median <= 1.1 ? "met" : "not met"})`,
    `${FASTLY} over ${OPENAPI_FETCH}, on the same fetch: what auth, retries, timeouts, limits and errors cost`,
  ]);
  const beyondTimeout = ratioRange(of(FASTLY).cpuUsPerCall, of(OPENAPI_FETCH_TIMEOUT).cpuUsPerCall);
  rows.push([
    `${at}, our layer's CPU beyond a timeout`,
    `${beyondTimeout.text} openapi-fetch with a timeout's`,
    "the same, over openapi-fetch given a timeout's signal per call: what the layer adds beyond what fetch's signal costs",
  ]);
  for (const [ours, theirs] of [
    [FASTLY, FASTLY_SDK],
    [CYBERSOURCE, CYBERSOURCE_SDK],
  ] as const) {
    const p50 = ratioRange(of(ours).p50Ms, of(theirs).p50Ms);
    const p99 = ratioRange(of(ours).p99Ms, of(theirs).p99Ms);
    const ahead = p50.median < 1 && p99.median < 1;
    rows.push([
      `${at}, ${ours} vs ${theirs}`,
      `p50 ${p50.text}, p99 ${p99.text} theirs (goal: ahead on both: ${ahead ? "met" : "not met"})`,
      "ours over the provider's SDK, round by round",
    ]);
  }
  return rows;
}
