import { execFile, execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { testTempDir } from "@org/prism-mock/test-temp-dir";
import { expect, it } from "vitest";
import { repoBin } from "./repo-copy.js";

// A test that times out is not waited for: what it started with `run` (an npm install that
// hangs, say) must stop with it, not run on after the test run has ended.
it("stops what a test started with run() when the test times out, and only that test's", async () => {
  const dir = await testTempDir("run-timeout-");
  const marker = `${Math.floor(Math.random() * 1e9)}`;
  await writeFile(
    join(dir, "hangs.test.ts"),
    `import { it } from "vitest";
import { run } from ${JSON.stringify(join(import.meta.dirname, "repo-copy.ts"))};
it.concurrent("runs on beside them", { timeout: 60000 }, async () => {
  await new Promise((resolve) => setTimeout(resolve, 100)); // started while the others run, as after an install
  const { code } = await run("sleep", ["3"], ${JSON.stringify(dir)});
  if (code !== 0) throw new Error(\`stopped with the others (\${code})\`);
});
it.concurrent("hangs", { timeout: 1000 }, ({ signal }) => run("sleep", ["600", "${marker}"], ${JSON.stringify(dir)}, {}, signal));
it.concurrent("hangs, and passes no signal", { timeout: 1000 }, () => run("sleep", ["601", "${marker}"], ${JSON.stringify(dir)}));
`,
  );
  const outcome = await new Promise<{ code: number; output: string }>((done) =>
    execFile(repoBin("vitest"), ["run", "--root", dir], { cwd: dir }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, output: stripVTControlCharacters(stdout + stderr) }),
    ),
  );
  expect(outcome.output).toContain("Test timed out in 1000ms");
  expect(outcome.output).toMatch(/Tests\s+2 failed \| 1 passed/);
  expect(outcome.code).toBe(1);
  const left = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(marker));
  expect(left).toEqual([]);
});
