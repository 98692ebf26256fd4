/**
 * `npm run bench` (after `npm run build`): what the clients cost their users, beside the
 * providers' SDKs, and the maintainer's loop. Prints one table and writes it to results.json.
 * Nothing here is asserted, and no test depends on a timing.
 *   BENCH_NODE_LINES=20,22,24   the Node lines of the request rows
 *   BENCH_ONLY=requests         only the request rows
 *   BENCH_LOOP=1                also the maintainer's loop (.ci/run in a clean clone: 15–20 minutes)
 */
import { writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { clientSpec, startMock } from "@org/customers-mock";
import { bundleRows, coldStartRows, installRows } from "./footprint.js";
import { maintainerLoopRows } from "./maintainer-loop.js";
import { requestRows } from "./requests.js";
import { printRows, type Row } from "./rows.js";

const rows: Row[] = await requestRows();
if (process.env.BENCH_ONLY !== "requests") {
  rows.push(...installRows(), ...coldStartRows(), ...bundleRows(), await mockRow());
  if (process.env.BENCH_LOOP === "1") rows.push(...(await maintainerLoopRows()));
}
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
printRows(`Benchmarks, ${new Date().toISOString().slice(0, 10)}, ${machine}`, rows);
await writeFile(
  join(import.meta.dirname, "../results.json"),
  `${JSON.stringify({ date: new Date().toISOString(), machine, rows: rows.map(([what, figure, how]) => ({ what, figure, how })) }, null, 2)}\n`,
);

/** The mock a user starts in a test's setup (`@org/customers-mock`): start to first answer. */
async function mockRow(): Promise<Row> {
  const started = performance.now();
  const mock = await startMock({ spec: clientSpec("@org/fastly-customers", join(import.meta.dirname, "..")) });
  try {
    await (await fetch(`${mock.url}/current_customer`, { headers: { "Fastly-Key": "k" } })).arrayBuffer();
    return [
      "mock, start to first answer",
      `${(performance.now() - started).toFixed(0)} ms`,
      "startMock() of the Fastly client's spec",
    ];
  } finally {
    await mock.stop();
  }
}
