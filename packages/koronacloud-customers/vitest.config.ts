import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["@org/prism-mock/test-temp-dir", "./test/global-setup.ts"],
  },
});
