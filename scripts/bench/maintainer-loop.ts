import { stripVTControlCharacters } from "node:util";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, isAbsolute, join } from "node:path";
import { repoRoot } from "../repo-root.js";
import { round } from "./measure.js";

export interface MaintainerLoop {
  ciSeconds: number;
  coldTestSeconds: number;
  specEditTestSeconds: number;
  /** Tasks that ran (not from the cache) after the spec edit. */
  specEditTasks: string[];
}

// As on a fresh clone: no project binaries on PATH, and no relative entries turbo cannot spawn from.
const PATH = (process.env.PATH ?? "")
  .split(delimiter)
  .filter((entry) => isAbsolute(entry) && !entry.includes("node_modules"))
  .join(delimiter);

function timed(workspace: string, command: string, args: string[]): { seconds: number; output: string } {
  const started = performance.now();
  const run = spawnSync(command, args, {
    cwd: workspace,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PATH, CI: "true", TURBO_TELEMETRY_DISABLED: "1" },
  });
  const output = stripVTControlCharacters(run.stdout + run.stderr);
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${workspace}:\n${output.slice(-3000)}`);
  return { seconds: round((performance.now() - started) / 1000, 1), output };
}

/**
 * The maintainer's everyday loop in a clean clone of the repo's HEAD: `.ci/run` as CI runs it (both
 * Quick start commands and every check), then one spec edited and `npm test` again, then
 * `npm test` with turbo's cache emptied (every task cold, the clients already installed).
 */
export async function measureMaintainerLoop(): Promise<MaintainerLoop> {
  const workspace = await mkdtemp(join(tmpdir(), "maintainer-loop-"));
  try {
    // A clone of what is committed, as CI runs it (work in progress stays out).
    execFileSync("git", ["clone", "--quiet", "--no-hardlinks", repoRoot, workspace]);
    const ci = timed(workspace, "bash", [".ci/run"]);
    const [provider] = (await readdir(join(workspace, "specs"))).sort();
    const spec = join(workspace, "specs", provider!, "customers.yaml");
    await writeFile(spec, (await readFile(spec, "utf8")).replace(/^( {2}title: .*)$/m, "$1 (edited)"));
    const edit = timed(workspace, "npm", ["test"]);
    await rm(join(workspace, ".turbo"), { recursive: true, force: true });
    const cold = timed(workspace, "npm", ["test"]);
    return {
      ciSeconds: ci.seconds,
      coldTestSeconds: cold.seconds,
      specEditTestSeconds: edit.seconds,
      specEditTasks: [...edit.output.matchAll(/^(\S+): cache miss, executing/gm)].map((match) => match[1]!).sort(),
    };
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}
