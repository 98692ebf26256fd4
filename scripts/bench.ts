/**
 * `pnpm bench`: measures the clients and the tooling and prints one table (also written to
 * bench/results.json). Figures that compare are taken side by side in the same run; nothing
 * here is asserted, and no test depends on a timing. Needs `pnpm build` first.
 */
import { writeFile, mkdir } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { measureBundleSize } from "./bench/bundle-size.js";
import { measureCodegenScale, scalingExponent, type ScaleResult } from "./bench/codegen-scale.js";
import { coldStartMs } from "./bench/cold-start.js";
import { round } from "./bench/measure.js";
import { measureMock } from "./bench/mock-server.js";
import { measureRequestCost } from "./bench/request-cost.js";
import { repoRoot } from "./repo-root.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 3000);
const dist = (name: string) => join(repoRoot, "packages", name, "dist/index.js");
const providers = [
  { name: "fastly-customers", factory: "createFastlyClient", options: "{ apiToken: 't' }" },
  { name: "koronacloud-customers", factory: "createKoronaCloudClient", options: "{ username: 'u', password: 'p' }" },
  { name: "cybersource-customers", factory: "createCyberSourceClient", options: "{ merchantId: 'm', keyId: 'k', sharedSecret: 'c2VjcmV0' }" },
  { name: "cloudlx-customers", factory: "createCloudLxClient", options: "{ accessToken: 't' }" },
];

const { createFastlyClient } = (await import(pathToFileURL(dist("fastly-customers")).href)) as typeof import("../packages/fastly-customers/src/index.js");
const rows: [string, string, string][] = [];

const requestCost = await measureRequestCost(CALLS, [
  {
    name: "@org/fastly-customers",
    call: (() => {
      let client: ReturnType<typeof createFastlyClient> | undefined;
      return async (baseUrl: string) => {
        client ??= createFastlyClient({ apiToken: "k", baseUrl });
        return (await client.GET("/customer/{customer_id}", { params: { path: { customer_id: "x4xCwxxJxGCx123Rx5xTx" } } })).data;
      };
    })(),
  },
]);
const floor = requestCost[0]!;
for (const result of requestCost) {
  const ratio = result === floor ? "" : ` (${round(floor.requestsPerSecond / result.requestsPerSecond, 2)}× the time of plain fetch)`;
  rows.push([`requests, ${result.name}`, `${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`, `${CALLS} sequential GETs on loopback${ratio}`]);
}

const bareNode = coldStartMs("", 7);
for (const provider of providers) {
  const startMs = coldStartMs(`const m = await import(${JSON.stringify(pathToFileURL(dist(provider.name)).href)}); m.${provider.factory}(${provider.options});`, 7);
  rows.push([`cold start, @org/${provider.name}`, `${startMs} ms (+${round(startMs - bareNode, 1)} ms over bare node)`, "median of 7 fresh processes: import and create the client"]);
}
rows.push(["cold start, bare node", `${bareNode} ms`, "median of 7 fresh processes"]);

for (const provider of providers) {
  const size = await measureBundleSize(dist(provider.name), provider.factory, repoRoot);
  rows.push([`bundle, @org/${provider.name}`, `${round(size.gzipBytes / 1024, 1)} kB min+gzip (${round(size.minBytes / 1024, 1)} kB min)`, "esbuild ESM bundle of the factory, runtime and openapi-fetch included"]);
}

const mock = await measureMock(join(repoRoot, "specs/fastly/customers.yaml"), join(repoRoot, "packages/prism-mock/node_modules/.bin/prism"), 500);
rows.push(["Prism start to first answer", `${mock.programmaticMs} ms programmatic, ${mock.cliMs} ms CLI`, "fastly spec"]);
rows.push(["Prism requests", `${mock.requestsPerSecond} req/s`, "500 sequential GETs to one mock"]);

// N providers × M operations each; BENCH_SCALE="10x50,50x100" for the larger runs.
const scales = (process.env.BENCH_SCALE ?? "2x10,4x20,8x40").split(",").map((size) => size.split("x").map(Number) as [number, number]);
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
if (scaleResults.length > 1) rows.push(["codegen growth", `time ∝ (N×M)^${scalingExponent(scaleResults)}`, "least-squares fit of cold time; ≤ 1 is linear or better"]);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
console.log(`Benchmarks on ${machine}\n`);
console.log(`${"what".padEnd(widths[0]!)}  ${"figure".padEnd(widths[1]!)}  how`);
for (const [what, figure, how] of rows) console.log(`${what.padEnd(widths[0]!)}  ${figure.padEnd(widths[1]!)}  ${how}`);
await mkdir(join(repoRoot, "bench"), { recursive: true });
await writeFile(join(repoRoot, "bench/results.json"), `${JSON.stringify({ machine, date: new Date().toISOString(), rows: rows.map(([what, figure, how]) => ({ what, figure, how })) }, null, 2)}\n`);
console.log("\nWritten to bench/results.json.");
