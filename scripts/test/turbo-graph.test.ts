import { execFile } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../repo-root.js";

interface DryRunTask {
  taskId: string;
  hash: string;
  dependencies: string[];
}

function dryRun(): Promise<DryRunTask[]> {
  return new Promise((done, fail) => {
    execFile(
      join(repoRoot, "node_modules/.bin/turbo"),
      ["run", "generate", "build", "typecheck", "test", "lint", "--dry=json"],
      { cwd: repoRoot, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? fail(error) : done((JSON.parse(stdout) as { tasks: DryRunTask[] }).tasks)),
    );
  });
}

const hashes = (tasks: DryRunTask[]) => new Map(tasks.map((task) => [task.taskId, task.hash]));

describe("the turbo task graph", () => {
  it("runs generate before build, and typecheck and test after generate and the dependencies' builds", async () => {
    const tasks = new Map((await dryRun()).map((task) => [task.taskId, task.dependencies]));
    expect(tasks.get("@org/fastly-customers#build")).toEqual(expect.arrayContaining(["@org/fastly-customers#generate", "@org/client-runtime#build"]));
    expect(tasks.get("@org/fastly-customers#test")).toEqual(expect.arrayContaining(["@org/fastly-customers#generate", "@org/client-runtime#build"]));
    expect(tasks.get("@org/fastly-customers#typecheck")).toEqual(expect.arrayContaining(["@org/fastly-customers#generate", "@org/client-runtime#build"]));
    expect(tasks.get("@org/fastly-customers#lint")).toContain("@org/fastly-customers#build");
  });

  it("re-runs only the Fastly package's tasks when something under specs/fastly changes", async () => {
    const before = hashes(await dryRun());
    expect(hashes(await dryRun())).toEqual(before);
    const probe = join(repoRoot, "specs/fastly/.turbo-scope-probe");
    let after: Map<string, string>;
    try {
      await writeFile(probe, `${Date.now()}\n`);
      after = hashes(await dryRun());
    } finally {
      await rm(probe, { force: true });
    }
    const changed = [...before.keys()].filter((task) => before.get(task) !== after.get(task)).sort();
    expect(changed).toEqual([
      "@org/fastly-customers#build",
      "@org/fastly-customers#generate",
      "@org/fastly-customers#lint",
      "@org/fastly-customers#test",
      "@org/fastly-customers#typecheck",
    ]);
  });
});
