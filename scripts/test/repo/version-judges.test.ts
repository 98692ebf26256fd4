import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../repo-root.js";
import {
  judgeVersions,
  type OpenApiDocument,
  renderTypes,
  type TypesVersion,
  type VersionVerdict,
} from "@org/customers-codegen";
import { specMutations } from "./spec-mutations.js";

async function version(document: OpenApiDocument): Promise<TypesVersion> {
  return { document, types: await renderTypes({ file: "spec.yaml", document }) };
}

describe("the two judges of a version bump, on a corpus of spec edits", () => {
  let verdicts: (VersionVerdict | undefined)[] = [];
  beforeAll(async () => {
    const specs = new Map<string, TypesVersion>();
    const pairs: { before: TypesVersion; after: TypesVersion }[] = [];
    for (const mutation of specMutations) {
      if (!specs.has(mutation.provider)) {
        const text = await readFile(join(repoRoot, "specs", mutation.provider, "customers.yaml"), "utf8");
        specs.set(mutation.provider, await version(parseYaml(text) as OpenApiDocument));
      }
      const before = specs.get(mutation.provider)!;
      const document = structuredClone(before.document);
      mutation.mutate(document);
      pairs.push({ before, after: await version(document) });
    }
    verdicts = judgeVersions(pairs);
  });

  it("holds at least 30 edits across the four providers", () => {
    expect(specMutations.length).toBeGreaterThanOrEqual(30);
    expect(new Set(specMutations.map((mutation) => mutation.provider)).size).toBe(4);
  });

  it.each(
    specMutations.map(
      (mutation, index) => [`${mutation.provider}: ${mutation.change}`, mutation.expected, index] as const,
    ),
  )("%s → %s", (_change, expected, index) => {
    const verdict = verdicts[index];
    expect(verdict, "the edit changed nothing").toBeDefined();
    expect(verdict!.bump).toBe(expected);
    // The changeset says why whenever the types raised the spec diff's rating.
    if (verdict!.types.bump === "major" && verdict!.spec.bump !== "major")
      expect(verdict!.why).toMatch(/no longer compiles:\n- /);
    if (verdict!.types.bump === "major") expect(verdict!.types.breaks.length).toBeGreaterThan(0);
  });

  it("has cases where each judge alone would have been wrong", () => {
    const judged = specMutations.map((mutation, index) => ({ expected: mutation.expected, verdict: verdicts[index]! }));
    expect(judged.some(({ expected, verdict }) => verdict.spec.bump !== expected)).toBe(true);
    expect(judged.some(({ expected, verdict }) => verdict.types.bump !== expected)).toBe(true);
  });
});
