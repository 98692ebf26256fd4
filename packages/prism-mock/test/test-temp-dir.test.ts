import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it, onTestFinished } from "vitest";
import { fileTempDir, testTempDir } from "../src/test-temp-dir.js";

const vitestBin = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));

/** Runs one fixture vitest project with `tmp` as its system temp dir. */
function runFixture(name: string, tmp: string): Promise<{ exitCode: number; output: string }> {
  const root = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [vitestBin, "run", "--root", root],
      { env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp } },
      (_error, stdout, stderr) => done({ exitCode: child.exitCode ?? 1, output: stdout + stderr }),
    );
  });
}

it("fails a run whose tests leave something in the temp dir, names it, and removes it all the same", {
  timeout: 60_000,
}, async () => {
  const tmp = await testTempDir("guarded-");
  const { exitCode, output } = await runFixture("leaky-run", tmp);
  expect(output).toMatch(/1 passed/);
  expect(output).toMatch(/Tests left 1 thing\(s\) in the temp dir: forgotten-\w+\./);
  expect(exitCode).toBe(1);
  expect(await readdir(tmp)).toEqual([]);
});

it("passes a run whose tests remove what they create", { timeout: 60_000 }, async () => {
  const tmp = await testTempDir("guarded-");
  const { exitCode, output } = await runFixture("tidy-run", tmp);
  expect(output).not.toContain("Tests left");
  expect(exitCode, output).toBe(0);
  expect(await readdir(tmp)).toEqual([]);
});

/** The stopped-run fixture with `tmp` as its temp dir, once its test has started (and waits forever). */
async function startStoppedRun(tmp: string) {
  const marker = join(await testTempDir("marker-"), "started");
  const root = fileURLToPath(new URL("./fixtures/stopped-run", import.meta.url));
  const run = spawn(process.execPath, [vitestBin, "run", "--root", root], {
    env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, STARTED_MARKER: marker },
    stdio: "ignore",
  });
  onTestFinished(() => void run.kill("SIGKILL"));
  await expect.poll(() => existsSync(marker), { timeout: 30_000 }).toBe(true);
  return run;
}

const runFolders = async (tmp: string) => (await readdir(tmp)).filter((name) => name.startsWith("test-run-"));

it("removes the run's temp folder when the run is stopped from outside mid-test", { timeout: 60_000 }, async () => {
  const tmp = await testTempDir("guarded-");
  const run = await startStoppedRun(tmp);
  expect(await runFolders(tmp)).toHaveLength(1);
  run.kill("SIGTERM");
  await once(run, "exit");
  // The guard's folder (and what the test made in it) is gone. A folder vitest itself makes
  // at start-up, before any globalSetup, may stay behind a killed run: that one is vitest's.
  expect(await runFolders(tmp)).toEqual([]);
});

it("removes, on the next run, the folder of a run killed outright, and says so", { timeout: 60_000 }, async () => {
  const tmp = await testTempDir("guarded-");
  const run = await startStoppedRun(tmp);
  run.kill("SIGKILL");
  await once(run, "exit");
  const left = await runFolders(tmp);
  expect(left).toEqual([expect.stringMatching(new RegExp(`^test-run-${run.pid}-`))]);
  const next = await runFixture("tidy-run", tmp);
  expect(next.output).toContain(`Removed the temp folders of 1 test run(s) stopped before their end: ${left[0]}.`);
  expect(next.exitCode, next.output).toBe(0);
  expect(await runFolders(tmp)).toEqual([]);
});

// Its removal is checked by this package's own run: the global guard fails a run that leaves anything.
const shared = fileTempDir("shared-");
it("gives a test file one temp folder, made before its tests, the same in each", () => {
  expect(existsSync(shared())).toBe(true);
  expect(shared()).toBe(shared());
});
