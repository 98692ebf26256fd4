import { defineConfig } from "vitest/config";

// Timeouts guard against a hang, not a budget: generate runs start tsx processes while every
// other package's tests share the 2 cores.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    globalSetup: ["@org/prism-mock/test-temp-dir"],
  },
});
