import { stripVTControlCharacters } from "node:util";
import { type ChildProcess, execFile } from "node:child_process";
import { delimiter, isAbsolute, join } from "node:path";
import { testTempDir } from "@org/prism-mock/test-temp-dir";
import { copyRepoFiles } from "../repo-files.js";
import { repoRoot } from "../repo-root.js";

/** A copy of the repository as git sees it (tracked and new files, nothing ignored), without node_modules; removed when the test ends. */
export async function repoCopy(prefix: string): Promise<string> {
  const copy = await testTempDir(prefix);
  copyRepoFiles(copy);
  return copy;
}

// turbo resolves the package manager on PATH and spawns it from each package's folder, so a
// relative entry (as `pnpm exec` adds) would point nowhere: keep only absolute ones.
const PATH = (process.env.PATH ?? "")
  .split(delimiter)
  .filter((entry) => isAbsolute(entry))
  .join(delimiter);

// What `run` started and is still running. A test that times out is not waited for, so what it
// started would run on after the test run (an npm install did, for 29 minutes): it is stopped
// when the test's signal aborts, and at the latest when this worker exits or is stopped.
const running = new Set<ChildProcess>();
const stopAll = () => {
  for (const child of running) child.kill("SIGKILL");
};
process.on("exit", stopAll);
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
  process.once(signal, () => {
    stopAll();
    process.kill(process.pid, signal); // then end as the signal would have ended it
  });
}

/**
 * Runs a command to its end; resolves with its exit code and its output without colours. Pass the
 * test's `signal` (from its context) so that a test that times out stops the command at once.
 */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = execFile(
      command,
      args,
      {
        cwd,
        env: { ...process.env, PATH, TURBO_TELEMETRY_DISABLED: "1", ...env },
        maxBuffer: 64 * 1024 * 1024,
        ...(signal ? { signal, killSignal: "SIGKILL" as const } : {}),
      },
      (error, stdout, stderr) => {
        running.delete(child);
        done({ code: error ? Number(error.code ?? 1) : 0, output: stripVTControlCharacters(stdout + stderr) });
      },
    );
    running.add(child);
  });
}

/** Makes `dir` a git repository on `main` whose one commit holds everything in it, as a clone has it. */
export async function commitAll(dir: string, message: string): Promise<void> {
  for (const args of [
    ["init", "-q", "-b", "main"],
    ["add", "-A"],
    ["-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", message],
  ]) {
    const { code, output } = await run("git", args, dir);
    if (code !== 0) throw new Error(`git ${args.join(" ")} failed in ${dir}:\n${output}`);
  }
}

export const repoBin = (name: string) => join(repoRoot, "node_modules/.bin", name);
