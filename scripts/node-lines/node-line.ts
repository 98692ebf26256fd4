/**
 * The Node.js lines the published packages are proven on, beside the toolchain's own.
 * Each comes from the npm registry's `node` package (which fetches the platform's build, as a
 * package, from the same registry), installed once into node_modules/.cache/node-lines.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { delimiter, isAbsolute, join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../repo-root.js";

/** Every Node line the published packages are proven on. */
export const SUPPORTED_NODE_LINES = [20, 22, 24, 26] as const;
/** The toolchain's own line (the `node` running this). */
export const TOOLCHAIN_NODE_LINE = Number(process.versions.node.split(".")[0]);
/** The lines proven beside the toolchain's: every supported line but the one running. */
export const NODE_LINES = SUPPORTED_NODE_LINES.filter((line) => line !== TOOLCHAIN_NODE_LINE);

const cache = join(repoRoot, "node_modules/.cache/node-lines");

/** The folder holding `node` of the newest release of a Node line, installed on first use. */
export async function nodeLineBin(major: number): Promise<string> {
  const bin = join(cache, String(major), "node_modules/.bin");
  if (existsSync(join(bin, "node"))) return bin;
  await mkdir(cache, { recursive: true });
  // Installed beside the cache and renamed into place, so two tests asking at once both get a whole one.
  const staging = await mkdtemp(join(cache, `.${major}-`));
  try {
    await promisify(execFile)(
      "npm",
      ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", staging, `node@${major}`],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    await rename(staging, join(cache, String(major))).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(join(bin, "node"))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return bin;
}

/** A PATH on which `node` (for npm, tsc, vitest and whatever they start) is that line's. */
export function pathWithNode(bin: string): string {
  return [bin, ...(process.env.PATH ?? "").split(delimiter).filter((entry) => isAbsolute(entry))].join(delimiter);
}
