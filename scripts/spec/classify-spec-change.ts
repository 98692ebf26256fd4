import { apiCompare } from "api-smart-diff";

export type Bump = "major" | "minor" | "patch";

export interface SpecChange {
  bump: Bump;
  /** What changed, one readable line each, most significant first. */
  changes: { bump: Bump; description: string }[];
}

const ORDER: Bump[] = ["patch", "minor", "major"];

/**
 * Classifies the change between two versions of a spec (parsed OpenAPI documents), using
 * api-smart-diff to find and describe each difference:
 * - major: an operation, field, parameter or enum value removed; a parameter or field made
 *   required; a type narrowed (what breaks existing callers);
 * - minor: an operation, optional field, optional parameter or enum value added;
 * - patch: descriptions, summaries and examples only.
 * Undefined when the specs are the same.
 */
export function classifySpecChange(before: object, after: object): SpecChange | undefined {
  const { diffs } = apiCompare(before, after);
  if (diffs.length === 0) return undefined;
  // A change to a shared schema shows both where it is defined and at every operation using
  // it; the operations say more, so the definitions are listed only when nothing else is.
  const inOperations = (diffs as Diff[]).filter((diff) => diff.path[0] !== "components" || diff.path[1] === "securitySchemes");
  const changes = (inOperations.length > 0 ? inOperations : (diffs as Diff[]))
    .map((diff) => ({ bump: bumpOf(diff), description: describe(diff) }))
    .filter((change, index, all) => all.findIndex((other) => other.description === change.description) === index)
    .sort((a, b) => ORDER.indexOf(b.bump) - ORDER.indexOf(a.bump));
  return { bump: changes[0]!.bump, changes };
}

interface Diff {
  action: "add" | "remove" | "replace" | "rename";
  path: (string | number)[];
  type: "breaking" | "non-breaking" | "annotation" | "unclassified" | "deprecated";
  description?: string;
  before?: unknown;
  after?: unknown;
}

function bumpOf(diff: Diff): Bump {
  const path = diff.path.map(String);
  const inEnum = path.includes("enum");
  const isExample = path.includes("example") || path.includes("examples");
  if (isExample) return "patch";
  // api-smart-diff rates a new enum value in an answer as breaking; for a typed client it is
  // an addition: callers keep compiling and a new case appears.
  if (inEnum && diff.action === "add") return "minor";
  // A field removed from an answer is "non-breaking" to api-smart-diff, but code reading it breaks.
  if (diff.action === "remove" && (inEnum || path.at(-2) === "properties")) return "major";
  if (diff.type === "breaking") return "major";
  if (diff.type === "non-breaking" || diff.type === "deprecated") return "minor";
  return "patch";
}

function describe(diff: Diff): string {
  const [root, path, method] = diff.path.map(String);
  const where = root === "paths" && path ? `${method && !method.startsWith("parameters") ? `${method.toUpperCase()} ` : ""}${path}` : diff.path.slice(0, 3).join(".");
  const what = diff.description ?? `${diff.action} ${diff.path.join(".")}`;
  const primitive = (value: unknown) => value === null || ["string", "number", "boolean"].includes(typeof value);
  const values = [
    primitive(diff.before) && diff.action !== "add" ? `was ${JSON.stringify(diff.before)}` : "",
    primitive(diff.after) && diff.action !== "remove" ? `now ${JSON.stringify(diff.after)}` : "",
  ].filter(Boolean);
  return `${where}: ${what.replace(/\s+/g, " ")}${values.length > 0 ? ` (${values.join(", ")})` : ""}`;
}
