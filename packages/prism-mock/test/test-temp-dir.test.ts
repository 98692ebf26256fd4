import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { testTempDir } from "../src/test-temp-dir.js";

const vitestBin = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));

/** Runs one fixture vitest project with `tmp` as its system temp dir. */
function runFixture(name: string, tmp: string): Promise<{ exitCode: number; output: string }> {
  const root = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  return new Promise((done) => {
    const child = execFile(process.execPath, [vitestBin, "run", "--root", root], { env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp } }, (_error, stdout, stderr) =>
      done({ exitCode: child.exitCode ?? 1, output: stdout + stderr }),
    );
  });
}

it("fails a run whose tests leave something in the temp dir, names it, and removes it all the same", { timeout: 60_000 }, async () => {
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
