import { classifySpecChange, type Bump, type SpecChange } from "./classify-spec-change.js";
import { judgeTypes, type TypesVerdict, type TypesVersion } from "./judge-types.js";

export const RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

export interface VersionVerdict {
  bump: Bump;
  /** The first judge: the spec diff, change by change. */
  spec: SpecChange;
  /** The second judge: code written against the old types, compiled against the new. */
  types: TypesVerdict;
  /** Why the types raised the spec diff's bump, when they did; for the changeset. */
  why?: string;
}

/**
 * Judges each pair of spec versions twice, by the spec diff and by the public types, and takes
 * the higher bump. Undefined for a pair whose specs are the same.
 */
export function judgeVersions(pairs: { before: TypesVersion; after: TypesVersion }[]): (VersionVerdict | undefined)[] {
  const types = judgeTypes(pairs);
  return pairs.map(({ before, after }, index) => {
    const spec = classifySpecChange(before.document, after.document);
    if (!spec) return undefined;
    const verdict = types[index]!;
    if (RANK[verdict.bump] <= RANK[spec.bump]) return { bump: spec.bump, spec, types: verdict };
    const why =
      verdict.bump === "major"
        ? `The spec diff rates this ${spec.bump}, but code written against the previous types no longer compiles:\n${verdict.breaks.map((line) => `- ${line}`).join("\n")}`
        : `The spec diff rates this ${spec.bump}, but the package's public types changed.`;
    return { bump: verdict.bump, spec, types: verdict, why };
  });
}
