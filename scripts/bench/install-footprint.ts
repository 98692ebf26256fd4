import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../repo-root.js";

export interface InstallFootprint {
  packages: number;
  bytes: number;
}

/**
 * What a user's fresh `npm install` of one client brings: packages and bytes on disk under
 * node_modules. `install` is what goes after `npm install`: registry specs, or tarballs that
 * `packTarballs` made of our unreleased packages.
 */
export function installFootprint(install: string[]): InstallFootprint {
  const project = mkdtempSync(join(tmpdir(), "bench-install-"));
  try {
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "bench-install", private: true }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...install], {
      cwd: project,
      stdio: "pipe",
    });
    const lock = JSON.parse(readFileSync(join(project, "node_modules/.package-lock.json"), "utf8")) as {
      packages: Record<string, unknown>;
    };
    return {
      packages: Object.keys(lock.packages).filter((path) => path.startsWith("node_modules/")).length,
      bytes: bytesUnder(join(project, "node_modules")),
    };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/** Our packages as the registry would serve them (`pnpm pack` writes real versions for `workspace:^`). */
export function packTarballs(packageNames: string[], destination: string): string[] {
  return packageNames.map((name) => {
    const output = execFileSync(join(repoRoot, "node_modules/.bin/pnpm"), ["pack", "--pack-destination", destination], {
      cwd: join(repoRoot, "packages", name),
      encoding: "utf8",
    });
    return output.trim().split("\n").at(-1)!.trim();
  });
}

function bytesUnder(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}
