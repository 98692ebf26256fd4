import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { testTempDir } from "@org/prism-mock/test-temp-dir";
import { repoRoot } from "../../repo-root.js";
import { commitAll, repoCopy, run } from "../repo-copy.js";

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
}

it("releases every never-published package at 0.1.0 through a pending changeset, each on its own", async () => {
  const output = join(await testTempDir("changesets-"), "status.json");
  // `changeset status` compares HEAD with main: in a committed copy, so that neither a branch
  // in progress nor a clone without a local main (CI's checkouts) changes what this sees.
  const copy = await repoCopy("changesets-repo-");
  await commitAll(copy, "copy");
  const checked = await run(join(repoRoot, "node_modules/.bin/changeset"), ["status", `--output=${output}`], copy);
  expect(checked.code, checked.output).toBe(0);
  const status = JSON.parse(await readFile(output, "utf8")) as {
    releases: { name: string; newVersion: string; type: string }[];
  };
  // A package whose only change is a workspace dependency's bump is listed with type "none": not released.
  const releases = new Map(
    status.releases.filter((release) => release.type !== "none").map((release) => [release.name, release.newVersion]),
  );

  const manifests = await Promise.all(
    (await readdir(join(repoRoot, "packages"))).map(
      async (dir) => JSON.parse(await readFile(join(repoRoot, "packages", dir, "package.json"), "utf8")) as Manifest,
    ),
  );
  const unreleased = manifests.filter((manifest) => !manifest.private && manifest.version === "0.0.0");
  expect(manifests.filter((manifest) => !manifest.private).length).toBeGreaterThan(0);
  for (const manifest of unreleased) expect(releases.get(manifest.name), manifest.name).toBe("0.1.0");
  for (const manifest of manifests.filter((manifest) => manifest.private))
    expect(releases.has(manifest.name), manifest.name).toBe(false);
});
