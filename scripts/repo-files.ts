import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./repo-root.js";

/** Copies the repository as git sees it (tracked and new files, nothing ignored, so no node_modules) into `dir`. */
export function copyRepoFiles(dir: string): void {
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: repoRoot });
  execFileSync("tar", ["-cf", join(dir, ".files.tar"), "--null", "-T", "-"], { cwd: repoRoot, input: files });
  execFileSync("tar", ["-xf", ".files.tar"], { cwd: dir });
  rmSync(join(dir, ".files.tar"));
}
