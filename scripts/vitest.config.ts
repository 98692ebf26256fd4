import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

// The end-to-end tests (a release through a registry, a shared cache, a scaffold in a copy of the
// repo, the runtime on every Node line, `pnpm mock` and its signals) take minutes and exercise
// the tooling, whatever the specs say: turbo runs them as their own task (//#test:e2e), keyed on
// the tooling, so a spec edit does not re-run them.
export const e2e = ["release", "remote-cache", "new-provider", "node-lines", "mock"].map(
  (name) => `scripts/test/${name}.test.ts`,
);
// The tests that check the repository as it stands (its specs, READMEs, manifests and pending
// changesets) rather than the tooling: their own task (//#test:repo), keyed on what they read,
// so that a spec edit re-runs these and not the tooling's tests (//#test:scripts).
export const repo = ["readme-examples", "lint-repo", "changesets"].map((name) => `scripts/test/${name}.test.ts`);
const shared = {
  // The repo root, so vitest's cache lands in the root node_modules, not among scripts/' inputs.
  root: resolve(import.meta.dirname, ".."),
  // A guard against a hang, not a budget: these tests start pnpm, turbo, tsx and git while every
  // other lane loads both cores, and on a busy 2-core machine a few seconds' work takes minutes.
  testTimeout: 300_000,
  // Hooks start servers (a turbo cache, a registry) while the other lanes load both cores.
  hookTimeout: 300_000,
  globalSetup: ["@org/prism-mock/test-temp-dir"],
};

export default defineConfig({
  test: {
    projects: [
      // vitest's default on 2 cores is one file at a time; these files mostly wait on the
      // processes they start (pnpm, turbo, npm, git, tsx), so a few run side by side.
      {
        test: {
          ...shared,
          name: "scripts",
          include: ["scripts/test/**/*.test.ts"],
          exclude: [...e2e, ...repo],
          maxWorkers: 2,
        },
      },
      { test: { ...shared, name: "repo", include: repo, maxWorkers: 2 } },
      { test: { ...shared, name: "e2e", include: e2e, maxWorkers: 3 } },
    ],
  },
});
