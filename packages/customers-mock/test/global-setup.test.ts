import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const vitestBin = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));

/** Runs one fixture vitest project in its own process; returns its exit code and the mock URL it saw. */
async function runFixture(name: string): Promise<{ exitCode: number; output: string; mockUrl: string }> {
  const root = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>((done) => {
    const child = execFile(process.execPath, [vitestBin, "run", "--root", root], (_error, stdout, stderr) =>
      done({ exitCode: child.exitCode ?? 1, output: stdout + stderr }),
    );
  });
  return { exitCode, output, mockUrl: /mock url: (\S+)/.exec(output)?.[1] ?? "" };
}

it.each([
  ["failing-run", /expected 'this test' to be 'failing on purpose'/],
  ["timed-out-run", /Test timed out in 300ms/],
])("leaves no mock behind after a %s", { timeout: 60_000 }, async (fixture, why) => {
  const { exitCode, output, mockUrl } = await runFixture(fixture);
  expect(exitCode).not.toBe(0);
  expect(output).toMatch(why);
  expect(mockUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  await expect(fetch(mockUrl)).rejects.toThrow();
});
