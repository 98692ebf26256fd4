import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes every file to a temporary name first and renames only when all were written, so a
 * failure part-way leaves each file either as it was or fully new, never half-written.
 * Returns the files whose content changed.
 */
export async function writeFilesAtomically(dir: string, files: Record<string, string>): Promise<string[]> {
  const changed: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    if ((await readIfExists(join(dir, name))) !== content) changed.push(name);
  }
  const staged: [string, string][] = [];
  try {
    for (const name of changed) {
      const target = join(dir, name);
      const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temporary, files[name]!, "utf8");
      staged.push([temporary, target]);
    }
    for (const [temporary, target] of staged) await rename(temporary, target);
  } finally {
    await Promise.all(staged.map(([temporary]) => rm(temporary, { force: true })));
  }
  return changed;
}

export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
