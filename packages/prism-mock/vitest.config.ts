import { defineConfig } from "vitest/config";

// Hooks start Prism, which on CI shares 2 cores with every other package's tests.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], hookTimeout: 30_000, globalSetup: ["./src/test-temp-dir.ts"] } });
