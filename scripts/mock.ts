/**
 * `pnpm mock [--stateful] [provider ...]`: serves every spec in specs/ (or only the named ones) with Prism
 * on its fixed port (`x-mock-port` in the spec), prints provider → URL, and stops them all on
 * Ctrl-C, SIGTERM or SIGHUP (exit 0), or when the process that started it dies. The same
 * launcher as the contract tests. The `mock` script `exec`s node, so no shell stands between
 * the package manager and this process to die of the signal instead.
 */
import { join } from "node:path";
import { providerSpecs, startMock, type RunningMock } from "@org/prism-mock";
import { repoRoot } from "./repo-root.js";

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const stateful = args.includes("--stateful");
const wanted = args.filter((arg) => arg !== "--stateful");
const all = await providerSpecs(join(repoRoot, "specs"));
const unknown = wanted.filter((name) => !all.some((spec) => spec.provider === name));
if (unknown.length > 0) {
  console.error(
    `pnpm mock: no spec for ${unknown.join(", ")}; the providers are ${all.map((spec) => spec.provider).join(", ")}.`,
  );
  process.exit(2);
}
const chosen = wanted.length > 0 ? all.filter((spec) => wanted.includes(spec.provider)) : all;

const running: RunningMock[] = [];
async function stopAll(): Promise<void> {
  await Promise.all(running.map((mock) => mock.stop()));
}

// Set up before the table is printed: whoever waits for it may signal at once, and a signal
// without a handler would kill this process before it stops the mocks.
let stopping = false;
function stopAndExit(why: string): void {
  if (stopping) return;
  stopping = true;
  void stopAll().then(() => {
    console.log(`Prism mocks stopped (${why}).`);
    process.exit(0);
  });
}
// `on`, not `once`: Ctrl-C reaches this process twice (from the terminal, and relayed by the
// package manager), and a second default SIGINT would kill it mid-stop with exit 130.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => stopAndExit(signal));

// A wrapper killed outright (SIGKILL) relays nothing: when the parent is gone, this process is
// re-parented, and stops the mocks rather than hold the fixed ports.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stopAndExit("its parent process ended");
}, 250);

try {
  for (const spec of chosen) running.push(await startMock({ spec: spec.spec, port: spec.port, stateful }));
} catch (error) {
  await stopAll();
  console.error(`pnpm mock: ${(error as Error).message}`);
  process.exit(1);
}

const width = Math.max(...chosen.map((spec) => spec.provider.length), "provider".length);
console.log(`${"provider".padEnd(width)}  URL`);
for (const [index, spec] of chosen.entries()) console.log(`${spec.provider.padEnd(width)}  ${running[index]!.url}`);
console.log("Prism mocks running; Ctrl-C stops them.");
