import { defineConfig } from "vitest/config";

// Timeouts guard against a hang, not a budget: hooks start Prism while every other package's tests share the 2 cores.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
