import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The repo root, so vitest's cache lands in the root node_modules, not among scripts/' inputs.
    root: resolve(import.meta.dirname, ".."),
    include: ["scripts/test/**/*.test.ts"],
    testTimeout: 60_000,
    globalSetup: ["@org/prism-mock/test-temp-dir"],
  },
});
