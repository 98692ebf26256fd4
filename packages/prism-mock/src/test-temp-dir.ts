import { rmSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, onTestFinished } from "vitest";

const TEMP_VARIABLES = ["TMPDIR", "TMP", "TEMP"] as const;
// Caches that tools keep in the temp dir on purpose (tsx's, and Node 22+'s module compile
// cache): not a test's leftovers.
const TOOL_CACHES = [/^tsx-\d+$/, /^node-compile-cache$/];

/**
 * A vitest globalSetup that gives the run a temp folder of its own: TMPDIR (TMP, TEMP) point
 * into it for every worker and every process a test starts. When the run ends the folder must be
 * empty: what a test left is named and fails the run, and the folder is removed all the same,
 * so the machine's temp dir is left as it was found.
 */
export default async function guardTempDir(): Promise<() => Promise<void>> {
  const saved = Object.fromEntries(TEMP_VARIABLES.map((name) => [name, process.env[name]]));
  await removeStoppedRuns(tmpdir());
  // Named by the run's process, so that a later run can tell a stopped run's folder from a live one's.
  const dir = await mkdtemp(join(tmpdir(), `test-run-${process.pid}-`));
  for (const name of TEMP_VARIABLES) process.env[name] = dir;
  // A run stopped from outside (turbo ends the other tasks when one fails; vitest exits on
  // SIGINT and SIGTERM) never reaches the teardown: remove the folder on the way out.
  const removeOnExit = () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  process.once("exit", removeOnExit);
  return async () => {
    process.off("exit", removeOnExit);
    for (const name of TEMP_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    const left = (await readdir(dir)).filter((name) => !TOOL_CACHES.some((cache) => cache.test(name)));
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    if (left.length > 0) {
      console.error(
        `Tests left ${left.length} thing(s) in the temp dir: ${left.sort().join(", ")}. Every test must remove what it creates (testTempDir does).`,
      );
      process.exitCode = 1;
    }
  };
}

/**
 * Removes the folders of runs whose process is gone: a run killed outright (SIGKILL, a machine
 * that ran out of memory) never reaches its exit handler. Says what it removed.
 */
async function removeStoppedRuns(temp: string): Promise<void> {
  const stopped = (await readdir(temp)).filter((name) => {
    const pid = /^test-run-(\d+)-/.exec(name)?.[1];
    return pid !== undefined && !isRunning(Number(pid));
  });
  for (const name of stopped) await rm(join(temp, name), { recursive: true, force: true, maxRetries: 3 });
  if (stopped.length > 0)
    console.warn(
      `Removed the temp folders of ${stopped.length} test run(s) stopped before their end: ${stopped.sort().join(", ")}.`,
    );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is another user's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A fresh temp folder for the current test, removed when the test ends, passed or failed.
 * A concurrent test passes its own context's `onTestFinished`: the global one cannot tell
 * which of the running tests it belongs to.
 */
export async function testTempDir(prefix: string, onFinished: typeof onTestFinished = onTestFinished): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onFinished(() => rm(dir, { recursive: true, force: true, maxRetries: 3 }));
  return dir;
}

/**
 * A temp folder for a whole test file, for what its tests share (a generated sample, a copy of
 * the repo): made before the file's own `beforeAll` hooks, removed after its `afterAll` hooks,
 * passed or failed. Call at the top level; the returned function gives the path.
 */
export function fileTempDir(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(() => dir && rm(dir, { recursive: true, force: true, maxRetries: 3 }));
  return () => {
    if (!dir) throw new Error(`fileTempDir("${prefix}") is read before its beforeAll ran`);
    return dir;
  };
}
