#!/usr/bin/env node
/**
 * `customers-mock <client> [--port <n>] [--stateful] [--host <h>]`: serves an installed client's
 * spec (`fastly`, `fastly-customers` or `@org/fastly-customers`; or a spec file's path) with
 * Prism, on the spec's `x-mock-port` unless told, prints where and the client option to use, and
 * stops cleanly on Ctrl-C or SIGTERM, or when its parent process dies.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { clientPackageName, clientSpec, mockPortOf } from "./client-spec.js";
import { startMock } from "./start-mock.js";

const USAGE = "usage: customers-mock <client | spec.yaml> [--port <n>] [--stateful] [--host <address>]";

let parsed: ReturnType<typeof parse>;
try {
  parsed = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length !== 1) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
const client = positionals[0]!;

const isFile = /\.(ya?ml|json)$/.test(client);
let spec: string;
try {
  spec = isFile ? resolve(client) : clientSpec(client);
  if (!existsSync(spec)) throw new Error(`${spec} does not exist`);
} catch (error) {
  console.error(`customers-mock: ${(error as Error).message}`);
  process.exit(2);
}
const port = values.port === undefined ? (mockPortOf(readFileSync(spec, "utf8")) ?? 0) : Number(values.port);

let stopping = false;
let stop: (() => Promise<void>) | undefined;
function stopAndExit(why: string): void {
  if (stopping) return;
  stopping = true;
  void (stop?.() ?? Promise.resolve()).then(() => {
    console.log(`customers-mock stopped (${why}).`);
    process.exit(0);
  });
}
// `on`, not `once`: Ctrl-C may reach this process twice (from the terminal, and relayed by npx).
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => stopAndExit(signal));
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stopAndExit("its parent process ended");
}, 250).unref();

try {
  const mock = await startMock({
    spec,
    port,
    stateful: values.stateful ?? false,
    ...(values.host ? { host: values.host } : {}),
  });
  stop = mock.stop;
  // Keeps the process alive while the server listens.
  setInterval(() => {}, 1 << 30);
  console.log(
    `${isFile ? spec : clientPackageName(client)} mock${values.stateful ? " (stateful)" : ""} on ${mock.url}`,
  );
  console.log(
    `  client option: { baseUrl: "${mock.url}" } (any credentials: the mock checks they are there, not their value)`,
  );
  console.log(
    `  faults: a request header \`x-mock-fault: 503\`, or POST ${mock.url}/__mock/faults {"fault":"429","count":2}`,
  );
  console.log("  Ctrl-C stops it.");
} catch (error) {
  console.error(`customers-mock: ${(error as Error).message}`);
  process.exit(1);
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      stateful: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
