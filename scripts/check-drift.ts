/**
 * `pnpm check:drift`: fails when the committed generated code is not what the specs generate.
 * Two checks: every package's `generate --check` (the files on disk against a fresh render,
 * catching hand edits), then git (files regenerated on disk but not committed).
 */
import { spawnSync } from "node:child_process";
import { repoRoot } from "./repo-root.js";

const render = spawnSync(
  "pnpm",
  ["--recursive", "--if-present", "--reporter=append-only", "run", "generate", "--check"],
  {
    cwd: repoRoot,
    stdio: "inherit",
  },
);
if (render.status !== 0) process.exit(render.status ?? 1);

const git = spawnSync("git", ["status", "--porcelain", "--", "packages/*/src/generated", "packages/*/README.md"], {
  cwd: repoRoot,
  encoding: "utf8",
});
if (git.status !== 0) {
  console.error(`check:drift: git status failed: ${git.stderr}`);
  process.exit(1);
}
if (git.stdout.trim()) {
  console.error(
    `check:drift: generated files differ from the last commit; commit them with the spec change:\n${git.stdout}`,
  );
  process.exit(1);
}
console.log("check:drift: generated code matches the specs and the last commit.");
