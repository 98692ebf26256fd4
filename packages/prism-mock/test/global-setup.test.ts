import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const vitestBin = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/failing-run", import.meta.url));

it("stops the mock when the test run fails", { timeout: 60_000 }, async () => {
  const record = join(await mkdtemp(join(tmpdir(), "prism-mock-")), "url.txt");
  const exitCode = await new Promise<number>((done) => {
    const child = execFile(process.execPath, [vitestBin, "run", "--root", fixture], {
      env: { ...process.env, MOCK_URL_RECORD: record },
    });
    child.on("exit", (code) => done(code ?? 1));
  });
  expect(exitCode).not.toBe(0);
  const url = await readFile(record, "utf8");
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  await expect(fetch(url)).rejects.toThrow();
});
