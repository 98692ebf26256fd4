/**
 * `pnpm bench`: measures the clients and the tooling and prints one table (also written to
 * bench/results.json). Figures that compare are taken side by side in the same run; nothing
 * here is asserted, and no test depends on a timing. Needs `pnpm build` first.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { writeFile, mkdir } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { measureBundleSize } from "./bench/bundle-size.js";
import { measureCodegenScale, scalingExponent, type ScaleResult } from "./bench/codegen-scale.js";
import { coldStartsMs } from "./bench/cold-start.js";
import { installFootprint, packTarballs, type InstallFootprint } from "./bench/install-footprint.js";
import { round } from "./bench/measure.js";
import { measureMaintainerLoop } from "./bench/maintainer-loop.js";
import { measureMock } from "./bench/mock-server.js";
import { providerSdks } from "./bench/provider-sdks.js";
import { benchNodeLines, nodeOfLine } from "./bench/fork-contender.js";
import { cpuRatio, latencyRatios, measureRequestCost, timeRatio, type RequestCost } from "./bench/request-cost.js";
import { comparisons, requestContenders } from "./bench/request-contenders.js";
import { watchStolenTime } from "./bench/stolen-time.js";
import { repoRoot } from "./repo-root.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 36_000);
const dist = (name: string) => join(repoRoot, "packages", name, "dist/index.js");
const providers = [
  { name: "fastly-customers", factory: "createFastlyClient", options: "{ apiToken: 't' }" },
  { name: "koronacloud-customers", factory: "createKoronaCloudClient", options: "{ username: 'u', password: 'p' }" },
  {
    name: "cybersource-customers",
    factory: "createCyberSourceClient",
    options: "{ merchantId: 'm', keyId: 'k', sharedSecret: 'c2VjcmV0' }",
  },
  { name: "cloudlx-customers", factory: "createCloudLxClient", options: "{ accessToken: 't' }" },
];

const rows: [string, string, string][] = [];
const lineVersions: string[] = [];
for (const line of benchNodeLines) {
  const { node, version } = await nodeOfLine(line);
  lineVersions.push(version);
  rows.push(...(await requestRows(node, version)));
}

/** The request rows on one Node: each contender, the host's share, our layer's cost and ours against each SDK. */
async function requestRows(node: string, version: string): Promise<[string, string, string][]> {
  const lineRows: [string, string, string][] = [];
  const at = `requests on Node ${version}`;
  const stolen = watchStolenTime();
  const requestCost = await measureRequestCost(
    CALLS,
    requestContenders.map(({ name }) => name),
    node,
  );
  const stolenPercent = stolen.stop();
  const costOf = (name: string) => {
    const cost = requestCost.find((result) => result.name === name);
    if (!cost) throw new Error(`no request contender is named ${name}`);
    return cost;
  };
  const floor = requestCost[0]!;
  const versus = (result: RequestCost) => {
    const time = timeRatio(result, floor);
    return ` (${time.median}× the time of ${floor.name}, middle half of rounds ${time.low}–${time.high}×)`;
  };
  for (const result of requestCost) {
    lineRows.push([
      `${at}, ${result.name}`,
      `${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, CPU ${result.cpuUsPerCall} µs/call, GC ${result.gcMsPerThousand} ms/1000 calls (${result.gcPausesPerThousand} pauses)`,
      `${CALLS} sequential GETs of one customer, each contender and the server in processes of their own; p50 and CPU of the median round, p99 of the median cycle of turns${result === floor ? "" : versus(result)}`,
    ]);
  }
  lineRows.push([
    `${at}, CPU time the host took`,
    stolenPercent === undefined
      ? "not reported by this system"
      : `${round(stolenPercent, 1)}% of the machine's, while the requests ran`,
    "steal time (/proc/stat): a host busy with other guests slows every contender, some rounds more than others",
  ]);
  const layer = { ours: costOf(comparisons.layer.ours), base: costOf(comparisons.layer.base) };
  const layerTime = timeRatio(layer.ours, layer.base);
  const layerCpu = cpuRatio(layer.ours, layer.base);
  lineRows.push([
    `${at}, our layer over openapi-fetch`,
    `CPU ${layerCpu.median}× (middle half ${layerCpu.low}–${layerCpu.high}×; goal ≤ 1.10×: ${layerCpu.median <= 1.1 ? "met" : "not met"}), time ${layerTime.median}×`,
    `${layer.ours.name} over ${layer.base.name.split(" (")[0]}, on the same fetch, per call: what auth, retries, timeouts, limits and errors cost`,
  ]);
  for (const { ours, theirs } of comparisons.sdks.map((pair) => ({
    ours: costOf(pair.ours),
    theirs: costOf(pair.theirs),
  }))) {
    const { p50, p99 } = latencyRatios(ours, theirs);
    const ahead = p50.median < 1 && p99.median < 1 ? "ahead on p50 and p99" : "NOT ahead on both";
    lineRows.push([
      `${at}, ${ours.name} vs ${theirs.name.split(" (")[0]}`,
      `${ahead}: p50 ${p50.median}× theirs (middle half ${p50.low}–${p50.high}×), p99 ${p99.median}× (${p99.low}–${p99.high}×)`,
      `p50 round by round, p99 cycle by cycle; whole run: p50 ${ours.wholeRunP50Ms} vs ${theirs.wholeRunP50Ms} ms, p99 ${ours.wholeRunP99Ms} vs ${theirs.wholeRunP99Ms} ms`,
    ]);
  }
  return lineRows;
}
if (process.env.BENCH_ONLY === "requests") {
  printRows();
  process.exit(0);
}

const packs = mkdtempSync(join(tmpdir(), "bench-packs-"));
try {
  for (const sdk of providerSdks) {
    const ours = installFootprint(packTarballs(["client-runtime", sdk.ours], packs));
    const theirs = installFootprint([`${sdk.name}@${sdk.version}`]);
    const describe = (footprint: InstallFootprint) =>
      `${footprint.packages} packages, ${round(footprint.bytes / 2 ** 20, 2)} MiB`;
    rows.push([
      `install, @org/${sdk.ours}`,
      describe(ours),
      "a fresh npm install of the one client (packed as it would be published)",
    ]);
    rows.push([`install, ${sdk.name} ${sdk.version}`, describe(theirs), "a fresh npm install of the provider's SDK"]);
  }
} finally {
  rmSync(packs, { recursive: true, force: true });
}

const COLD_RUNS = 11;
const coldStarts = coldStartsMs(
  {
    "bare node": "",
    ...Object.fromEntries(
      providers.map((provider) => [
        `@org/${provider.name}`,
        `const m = await import(${JSON.stringify(pathToFileURL(dist(provider.name)).href)}); m.${provider.factory}(${provider.options});`,
      ]),
    ),
    ...Object.fromEntries(providerSdks.map((sdk) => [`${sdk.name} ${sdk.version}`, sdk.coldStartScript])),
  },
  COLD_RUNS,
);
const bareNode = coldStarts["bare node"];
for (const [name, startMs] of Object.entries(coldStarts)) {
  if (name === "bare node") continue;
  const what = name.startsWith("@org/")
    ? "import and create the client"
    : "import the provider's SDK and create its client";
  rows.push([
    `cold start, ${name}`,
    `${startMs} ms (${overBareNode(startMs - bareNode)})`,
    `median of ${COLD_RUNS} fresh processes, taking turns: ${what}`,
  ]);
}
rows.push([
  "cold start, bare node",
  `${bareNode} ms`,
  `median of ${COLD_RUNS} fresh processes, taking turns with the above`,
]);

for (const provider of providers) {
  const size = await measureBundleSize(dist(provider.name), provider.factory, repoRoot);
  rows.push([
    `bundle, @org/${provider.name}`,
    `${round(size.gzipBytes / 1024, 1)} kB min+gzip (${round(size.minBytes / 1024, 1)} kB min)`,
    "esbuild ESM bundle of the factory, runtime and openapi-fetch included",
  ]);
}

const mock = await measureMock(
  join(repoRoot, "specs/fastly/customers.yaml"),
  join(repoRoot, "packages/prism-mock/node_modules/.bin/prism"),
  500,
);
rows.push([
  "Prism start to first answer",
  `${mock.programmaticMs} ms programmatic, ${mock.cliMs} ms CLI`,
  "fastly spec",
]);
rows.push(["Prism requests", `${mock.requestsPerSecond} req/s`, "500 sequential GETs to one mock"]);

// N providers × M operations each; BENCH_SCALE="10x50,50x100" for the larger runs.
const scales = (process.env.BENCH_SCALE ?? "2x10,4x20,8x40")
  .split(",")
  .map((size) => size.split("x").map(Number) as [number, number]);
const scaleResults: ScaleResult[] = [];
for (const [providers, operations] of scales) {
  const result = await measureCodegenScale(providers, operations);
  scaleResults.push(result);
  rows.push([
    `codegen ${providers}×${operations}`,
    `cold ${result.coldSeconds} s, no-op ${result.noOpSeconds} s (${result.noOpCached} cached), one spec edited ${result.oneSpecEditSeconds} s (${result.oneSpecEditExecuted} tasks ran)`,
    "generate + build + typecheck in a scratch workspace",
  ]);
}
if (scaleResults.length > 1)
  rows.push([
    "codegen growth",
    `time ∝ (N×M)^${scalingExponent(scaleResults)}`,
    "least-squares fit of cold time; ≤ 1 is linear or better",
  ]);

// The maintainer's loop against its targets; BENCH_LOOP=0 skips it (it runs .ci/run, about 10 minutes).
if (process.env.BENCH_LOOP !== "0") {
  const loop = await measureMaintainerLoop();
  const against = (seconds: number, target: number) =>
    `${seconds} s (target ≤ ${target} s: ${seconds <= target ? "met" : "not met"})`;
  rows.push([
    "loop, one spec edited → npm test",
    against(loop.specEditTestSeconds, 30),
    `in a clean clone after .ci/run; tasks that ran: ${loop.specEditTasks.join(", ")}`,
  ]);
  rows.push([
    "loop, cold npm test",
    against(loop.coldTestSeconds, 180),
    "turbo's cache emptied, dependencies installed",
  ]);
  rows.push([
    "loop, .ci/run",
    against(loop.ciSeconds, 360),
    "a fresh clone: bootstrap, every test, drift, lint, spec:check, the cached second run",
  ]);
}

printRows();
await mkdir(join(repoRoot, "bench"), { recursive: true });
await writeFile(
  join(repoRoot, "bench/results.json"),
  `${JSON.stringify({ machine: machine(), date: new Date().toISOString(), rows: rows.map(([what, figure, how]) => ({ what, figure, how })) }, null, 2)}\n`,
);
console.log("\nWritten to bench/results.json.");

function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version} (request rows on ${lineVersions.join(", ")})`;
}

function printRows(): void {
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(`Benchmarks on ${machine()}\n`);
  console.log(`${"what".padEnd(widths[0]!)}  ${"figure".padEnd(widths[1]!)}  how`);
  for (const [what, figure, how] of rows)
    console.log(`${what.padEnd(widths[0]!)}  ${figure.padEnd(widths[1]!)}  ${how}`);
}

/** `+4.5 ms over bare node`, or `0.3 ms under bare node` when the machine's noise is larger than the cost. */
function overBareNode(ms: number): string {
  return ms < 0 ? `${round(-ms, 1)} ms under bare node` : `+${round(ms, 1)} ms over bare node`;
}
