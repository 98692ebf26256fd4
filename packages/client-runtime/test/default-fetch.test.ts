import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// The built package as its users resolve it (turbo builds it before this test): package.json's
// `imports` give Node the node:http transport and every other runtime its own fetch.
const packageDir = fileURLToPath(new URL("..", import.meta.url));

function resolvedFetchName(conditions: string[]): string {
  const script = "const { defaultFetch } = await import('#default-fetch'); console.log(defaultFetch.name)";
  return execFileSync(process.execPath, [...conditions.map((condition) => `--conditions=${condition}`), "--input-type=module", "-e", script], { cwd: packageDir, encoding: "utf8" }).trim();
}

describe("#default-fetch", () => {
  it.each([
    ["Node", [], "nodeHttpFetch"],
    ["a browser bundle", ["browser"], "defaultFetch"],
    ["Deno", ["deno"], "defaultFetch"],
    ["Bun", ["bun"], "defaultFetch"],
  ])("on %s is the right transport", (_, conditions, name) => {
    expect(resolvedFetchName(conditions)).toBe(name);
  });

  it("keeps every Node built-in out of a browser bundle of the runtime", async () => {
    // tsconfigRaw: the package's tsconfig.json (paths for its own checks) is not published.
    const bundle = await build({ entryPoints: [`${packageDir}/dist/index.js`], bundle: true, platform: "browser", format: "esm", write: false, metafile: true, logLevel: "silent", tsconfigRaw: {} });
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs.some((input) => input.endsWith("dist/global-fetch.js"))).toBe(true);
    expect(inputs.filter((input) => input.startsWith("node:") || input.endsWith("node-http-fetch.js"))).toEqual([]);
  });
});
