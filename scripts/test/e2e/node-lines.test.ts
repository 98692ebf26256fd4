import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NODE_LINES, nodeLineBin, pathWithNode } from "../../node-lines/node-line.js";
import { repoRoot } from "../../repo-root.js";
import { run } from "../repo-copy.js";

// The release test proves a user's install, tsc and calls on each line; this proves the
// runtime every client shares, test by test.
const runtime = join(repoRoot, "packages/client-runtime");

// Concurrent: the suite mostly waits on real retry backoffs and timeouts.
describe.concurrent.each(NODE_LINES)("on Node %i", (major) => {
  // A hang guard, not a budget: on a clean clone each line is downloaded first, while the release
  // test downloads the same lines and every other lane loads the 2 cores.
  it("the shared runtime passes its whole test suite", { timeout: 900_000 }, async ({ signal }) => {
    const PATH = pathWithNode(await nodeLineBin(major));
    expect((await run("node", ["--version"], runtime, { PATH }, signal)).output).toMatch(new RegExp(`^v${major}\\.`));
    const tests = await run(
      "node",
      [join(runtime, "node_modules/vitest/vitest.mjs"), "run"],
      runtime,
      { PATH },
      signal,
    );
    expect(tests.output).toMatch(/Tests\s+\d+ passed \(\d+\)/);
    expect(tests.code, tests.output.slice(-3000)).toBe(0);
  });
});
