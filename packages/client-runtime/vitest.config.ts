import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Retries and backoffs take real seconds, and CI runs every package at once on 2 cores.
// The tests run the sources, so `#default-fetch` is Node's source too (package.json points into dist).
export default defineConfig({
  resolve: { alias: { "#default-fetch": fileURLToPath(new URL("src/node-http-fetch.ts", import.meta.url)) } },
  test: { testTimeout: 30_000, globalSetup: ["@org/prism-mock/test-temp-dir"] },
});
