import { apiCompare } from "api-smart-diff";
import { describeChange, isModelChange, resolve, type Diff } from "./describe-spec-change.js";
import { schemaUsage, type SchemaUsage } from "./schema-usage.js";

export type Bump = "major" | "minor" | "patch";

export interface SpecChange {
  bump: Bump;
  /** What changed, one readable line each, most significant first. */
  changes: { bump: Bump; description: string }[];
}

const ORDER: Bump[] = ["patch", "minor", "major"];

/**
 * Classifies the change between two versions of a spec (parsed OpenAPI documents), using
 * api-smart-diff to find and describe each difference, rated by what it does to code using the
 * client (a change to a model counts where the model is used: in what callers send, in what
 * they read, or both):
 * - major: an operation, field, parameter or enum value removed; a parameter or a sent field
 *   made required; a read field made optional; a value added to an enum callers read; a type
 *   narrowed, or a format changed; the default server's URL changed or a server removed;
 * - minor: an operation, optional field, optional parameter, server or sent enum value added; a
 *   read field made required; something deprecated;
 * - patch: descriptions, summaries, examples and parameter defaults (the server's behaviour,
 *   which the client does not send) only.
 * Undefined when the specs are the same.
 */
export function classifySpecChange(givenBefore: object, givenAfter: object): SpecChange | undefined {
  // api-smart-diff rewrites the documents it compares (it copies each path's parameters into its
  // operations): it gets copies, whose paths are then the ones its diffs point into.
  const before = structuredClone(givenBefore);
  const after = structuredClone(givenAfter);
  const diffs = (apiCompare(before, after).diffs as Diff[]).flatMap((diff) => perParameter(diff, before, after));
  if (diffs.length === 0) return undefined;
  const usage = [schemaUsage(givenBefore), schemaUsage(givenAfter)];
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
    .map((diff) => ({ bump: bumpOf(diff, usage), description: describeChange(diff, before, after) }))
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

function bumpOf(diff: Diff, usage: SchemaUsage[]): Bump {
  const path = diff.path.map(String);
  const inEnum = path.includes("enum");
  const isExample = path.includes("example") || path.includes("examples");
  if (isExample || path.at(-1) === "default") return "patch";
  if (path[0] === "servers") {
    if (path.length === 2) return diff.action === "add" ? "minor" : "major";
    return path[2] === "url" ? "major" : "patch";
  }
  const { sent, read } = sidesOf(path, usage);
  // A new enum value breaks an exhaustive switch over what callers read; callers sending keep compiling.
  if (inEnum && diff.action === "add") return read ? "major" : "minor";
  // A field made required breaks callers that send the model; readers only gain a promise.
  if (path.includes("required") && diff.action === "add") return sent ? "major" : "minor";
  if (path.includes("required") && diff.action === "remove") return read ? "major" : "minor";
  // A field removed from an answer is "non-breaking" to api-smart-diff, but code reading it breaks.
  if (diff.action === "remove" && (inEnum || path.at(-2) === "properties")) return "major";
  // A format changed or added narrows what is accepted, one removed widens what arrives.
  if (path.at(-1) === "format") {
    if (diff.action === "add") return sent ? "major" : "minor";
    if (diff.action === "remove") return read ? "major" : "minor";
    return "major";
  }
  if (diff.type === "breaking") return "major";
  if (diff.type === "non-breaking" || diff.type === "deprecated") return "minor";
  return "patch";
}

/** Whether the changed place is in what callers send, what they read, or (when unknown) both. */
function sidesOf(path: string[], usage: SchemaUsage[]): { sent: boolean; read: boolean } {
  if (path[0] === "components" && path[1] === "schemas" && path[2]) {
    const sent = usage.some((sides) => sides.request.has(path[2]!));
    const read = usage.some((sides) => sides.response.has(path[2]!));
    return sent || read ? { sent, read } : { sent: true, read: true };
  }
  if (path[0] === "paths" && path.includes("responses")) return { sent: false, read: true };
  if (path[0] === "paths" && (path.includes("requestBody") || path.includes("parameters")))
    return { sent: true, read: false };
  return { sent: true, read: true };
}
