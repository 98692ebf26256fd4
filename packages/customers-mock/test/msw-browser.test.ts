import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { expect, it } from "vitest";

it("bundles the msw entry for a browser (a service worker's page) with no Node built-in in it", async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../src/msw.ts", import.meta.url))],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((input) => input.includes("msw/lib/browser") || input.includes("msw/lib/core"))).toBe(true);
  expect(
    inputs.filter((input) => input.startsWith("node:") || /node_modules\/(undici|@stoplight)\//.test(input)),
  ).toEqual([]);
  expect(result.outputFiles[0]!.text).not.toMatch(/from\s*["']node:/);
});
