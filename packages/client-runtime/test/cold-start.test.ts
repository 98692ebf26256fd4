import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const runtime = fileURLToPath(new URL("../src/index.ts", import.meta.url));

/** Runs `script` in a fresh Node (no vitest around it) and returns what it prints. */
function inFreshNode(script: string): string {
  return execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" }).trim();
}

const loadsFetchStack = "process.moduleLoadList.some((name) => name.includes('undici'))";

describe("cold start", () => {
  it("creating a client does not load Node's fetch stack; the first call does", () => {
    const printed = inFreshNode(`
      const { createApiClient, headerAuth } = await import(${JSON.stringify(runtime)});
      const client = createApiClient({ defaultBaseUrl: "https://api.example.invalid", middleware: [headerAuth("X-Key", "k")], maxRetries: 0 });
      console.log(${loadsFetchStack});
      await client.GET("/things").catch(() => undefined);
      console.log(${loadsFetchStack});
    `);
    expect(printed.split("\n")).toEqual(["false", "true"]);
  });
});
