import { defineConfig } from "vitest/config";

// Timeouts guard against a hang, not a budget: on a busy 2-core machine a mock call can take seconds.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ["@org/prism-mock/test-temp-dir", "./test/global-setup.ts"],
  },
});
