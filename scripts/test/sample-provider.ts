import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { providerNames, type ProviderNames } from "../scaffold/provider-names.js";
import { providerFiles } from "../scaffold/provider-files.js";
import { sharedVersions } from "../scaffold/shared-versions.js";
import { repoRoot } from "../repo-root.js";

/**
 * Writes a provider made from `pnpm new-provider`'s templates (spec, package, changeset) into a
 * copy of the repo at `root`: test data whose content the tests know, whichever providers the
 * repo has. Its mock port is unused by real specs, and nothing here starts it.
 */
export async function writeSampleProvider(root: string, slug = "sample"): Promise<ProviderNames> {
  const { config } = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { config: { scope: string } };
  const names = providerNames(slug, config.scope);
  const license = await readFile(join(repoRoot, "LICENSE"), "utf8");
  for (const [path, content] of Object.entries(
    providerFiles(names, sharedVersions(repoRoot), 4999, config.scope, license),
  )) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return names;
}
