import { stripVTControlCharacters } from "node:util";
import { type ChildProcess, execFile } from "node:child_process";
import { delimiter, isAbsolute, join } from "node:path";
import { testTempDir } from "@org/prism-mock/test-temp-dir";
import { onTestFinished } from "vitest";
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

// What `run` started and is still running: stopped when the test that started it ends (a test that
// times out is not waited for, and its npm install would run on), and when this process exits.
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Runs a command to its end; resolves with its exit code and its output without colours. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = execFile(
      command,
      args,
      { cwd, env: { ...process.env, PATH, TURBO_TELEMETRY_DISABLED: "1", ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        running.delete(child);
        done({ code: error ? Number(error.code ?? 1) : 0, output: stripVTControlCharacters(stdout + stderr) });
      },
    );
    running.add(child);
    try {
      onTestFinished(() => {
        if (running.has(child)) child.kill();
      });
    } catch {
      // Not inside a test (a hook's setup): the exit handler above stops it.
    }
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
