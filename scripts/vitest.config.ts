import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

// Three lanes, by folder, each its own turbo task keyed on what it reads:
// - scripts/test/e2e/: the end-to-end tests (a release through a registry, a shared cache, a
//   scaffold in a copy of the repo, the runtime on every Node line, `npm run mock` and its
//   signals) take minutes and exercise the tooling, whatever the specs say (//#test:e2e);
// - scripts/test/repo/: the checks of the repository as it stands (its specs, READMEs, manifests
//   and pending changesets), which a spec edit re-runs (//#test:repo);
// - scripts/test/*.test.ts: the tooling's own tests, on sample providers of their own (//#test:scripts).
export const lanes = { e2e: "scripts/test/e2e", repo: "scripts/test/repo" };
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
          include: ["scripts/test/*.test.ts"],
          maxWorkers: 2,
        },
      },
      { test: { ...shared, name: "repo", include: [`${lanes.repo}/*.test.ts`], maxWorkers: 2 } },
      { test: { ...shared, name: "e2e", include: [`${lanes.e2e}/*.test.ts`], maxWorkers: 3 } },
    ],
  },
});
