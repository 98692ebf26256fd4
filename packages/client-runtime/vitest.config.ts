import { defineConfig } from "vitest/config";

// Retries and backoffs take real seconds, and CI runs every package at once on 2 cores.
export default defineConfig({
  test: { testTimeout: 30_000, globalSetup: ["@org/prism-mock/test-temp-dir"] },
});
