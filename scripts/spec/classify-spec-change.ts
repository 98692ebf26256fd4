import { apiCompare } from "api-smart-diff";
import { describeChange, isModelChange, resolve, type Diff } from "./describe-spec-change.js";

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
export function classifySpecChange(givenBefore: object, givenAfter: object): SpecChange | undefined {
  // api-smart-diff rewrites the documents it compares (it copies each path's parameters into its
  // operations): it gets copies, whose paths are then the ones its diffs point into.
  const before = structuredClone(givenBefore);
  const after = structuredClone(givenAfter);
  const diffs = (apiCompare(before, after).diffs as Diff[]).flatMap((diff) => perParameter(diff, before, after));
  if (diffs.length === 0) return undefined;
  // api-smart-diff reports a change to a shared schema where it is defined and again wherever
  // it is used (operations, other models): the definition names the model, so echoes are dropped.
  const modelTails = diffs.filter(isModelChange).map((diff) => [diff.action, ...diff.path.slice(3)].join("."));
  const echoesAModel = (diff: Diff) => {
    const schemaAt = isModelChange(diff) ? 2 : diff.path.lastIndexOf("schema");
    if (schemaAt === -1) return false;
    const tail = diff.path.slice(schemaAt + 1).join(".");
    return modelTails.some((model) => {
      const [action, ...rest] = model.split(".");
      const modelTail = rest.join(".");
      if (action !== diff.action || modelTail === "") return false;
      // A model's own change is not an echo of itself; one model holding another's fields is.
      return tail.endsWith(`.${modelTail}`) || (!isModelChange(diff) && tail === modelTail);
    });
  };
  const changes = diffs
    .filter((diff) => !echoesAModel(diff))
    .map((diff) => ({ bump: bumpOf(diff), description: describeChange(diff, before, after) }))
    .filter((change, index, all) => all.findIndex((other) => other.description === change.description) === index)
    .sort((a, b) => ORDER.indexOf(b.bump) - ORDER.indexOf(a.bump));
  return { bump: changes[0]!.bump, changes };
}

/**
 * api-smart-diff reports the first parameters an operation gets (or the last it loses) as one
 * change to the whole list: split it into one change per parameter, each rated on its own.
 */
function perParameter(diff: Diff, before: object, after: object): Diff[] {
  const list = diff.action === "add" ? diff.after : diff.action === "remove" ? diff.before : undefined;
  if (diff.path[0] !== "paths" || diff.path.length !== 4 || diff.path[3] !== "parameters" || !Array.isArray(list))
    return [diff];
  const doc = diff.action === "add" ? after : before;
  return list.map((parameter: unknown, index) => {
    const required = (resolve(doc, parameter) as { required?: boolean } | undefined)?.required === true;
    const type = diff.action === "remove" || required ? "breaking" : "non-breaking";
    return { ...diff, path: [...diff.path, index], type, [diff.action === "add" ? "after" : "before"]: parameter };
  });
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
