/** A difference as api-smart-diff reports it. */
export interface Diff {
  action: "add" | "remove" | "replace" | "rename";
  path: (string | number)[];
  type: "breaking" | "non-breaking" | "annotation" | "unclassified" | "deprecated";
  description?: string;
  before?: unknown;
  after?: unknown;
}

/** A change under `components.schemas.<Model>`. */
export const isModelChange = (diff: Diff) =>
  diff.path[0] === "components" && diff.path[1] === "schemas" && diff.path.length > 2;

/** One line a user of the package understands, e.g. "Added optional field `email` to `Customer`". */
export function describeChange(diff: Diff, before: object, after: object): string {
  const path = diff.path.map(String);
  const doc = diff.action === "remove" ? before : after;
  const value = diff.action === "remove" ? diff.before : diff.after;
  if (isModelChange(diff)) return describeModelChange(diff.action, path[2]!, path.slice(3), doc, path, value);
  if (path[0] === "paths" && path[1]) {
    const operation = path[2] ? `\`${path[2].toUpperCase()} ${path[1]}\`` : `\`${path[1]}\``;
    const rest = path.slice(3);
    if (path.length === 3 && (diff.action === "add" || diff.action === "remove")) {
      const operationId = (at(doc, path) as { operationId?: string } | undefined)?.operationId;
      return `${diff.action === "add" ? "Added" : "Removed"} operation ${operation}${operationId ? ` (\`${operationId}\`)` : ""}`;
    }
    if (rest[0] === "parameters" && rest.length <= 3) {
      // An added or removed parameter is the diff's own value: its index counts the path's
      // parameters in an order that is not always the rewritten document's.
      const parameter = resolve(doc, rest.length === 2 ? value : at(doc, path.slice(0, 5))) as
        | { name?: string; in?: string; required?: boolean }
        | undefined;
      const name = `${parameter?.in ?? ""} parameter \`${parameter?.name ?? rest[1]}\``.trim();
      if (rest.length === 2 && diff.action === "add")
        return `Added ${parameter?.required ? "required" : "optional"} ${name} to ${operation}`;
      if (rest.length === 2 && diff.action === "remove") return `Removed ${name} from ${operation}`;
      if (rest[2] === "required")
        return `Made ${name} of ${operation} ${parameter?.required ? "required" : "optional"}`;
    }
    if (["description", "summary"].includes(rest.at(-1) ?? "")) return `Updated the ${rest.at(-1)} of ${operation}`;
    return `${operation}: ${plain(diff)}`;
  }
  if (path[0] === "components" && path[1] === "examples" && path[2]) return `Updated the example \`${path[2]}\``;
  if (path[0] === "servers") return describeServerChange(diff, path);
  return `${path.slice(0, 3).join(".")}: ${plain(diff)}`;
}

function describeServerChange(diff: Diff, path: string[]): string {
  const url = (server: unknown) => `\`${(server as { url?: string } | undefined)?.url}\``;
  if (path.length === 2)
    return diff.action === "add" ? `Added the server ${url(diff.after)}` : `Removed the server ${url(diff.before)}`;
  if (path[2] === "url" && path[1] === "0")
    return `Changed the default server from \`${diff.before}\` to \`${diff.after}\`: calls without a \`baseUrl\` go there now`;
  if (path[2] === "url") return `Changed a server's URL from \`${diff.before}\` to \`${diff.after}\``;
  return `Updated the ${path[2]} of a server`;
}

function describeModelChange(
  action: Diff["action"],
  model: string,
  rest: string[],
  doc: object,
  path: string[],
  value: unknown,
): string {
  const verb = { add: "Added", remove: "Removed", replace: "Changed", rename: "Renamed" }[action];
  if (rest.length === 0) return `${verb} model \`${model}\``;
  const propertiesAt = rest.lastIndexOf("properties");
  const field = propertiesAt === -1 ? undefined : rest[propertiesAt + 1];
  const after = propertiesAt === -1 ? rest : rest.slice(propertiesAt + 2);
  const name = field ? `\`${model}.${field}\`` : `\`${model}\``;
  if (field && after.length === 0) {
    if (action === "remove") return `Removed field \`${field}\` from \`${model}\``;
    const owner = at(doc, path.slice(0, 3 + propertiesAt)) as { required?: string[] } | undefined;
    if (action === "add")
      return `Added ${owner?.required?.includes(field) ? "required" : "optional"} field \`${field}\` to \`${model}\``;
  }
  if (after[0] === "enum" && (action === "add" || action === "remove"))
    return `${verb} the value ${JSON.stringify(value)} ${action === "add" ? "to" : "from"} ${name}`;
  if (after[0] === "required" && (action === "add" || action === "remove") && typeof value === "string") {
    return `Made field \`${value}\` of ${field ? `\`${model}.${field}\`` : `\`${model}\``} ${action === "add" ? "required" : "optional"}`;
  }
  if (after[0] === "description" || after[0] === "example" || after[0] === "examples")
    return `Updated the ${after[0] === "description" ? "description" : "examples"} of ${name}`;
  return `${verb} ${after.join(".") || "the schema"} of ${name}${primitive(value) ? ` (${action === "remove" ? "was" : "now"} ${JSON.stringify(value)})` : ""}`;
}

/** api-smart-diff's own sentence, without its "[Added]" tag, and the values before and after. */
function plain(diff: Diff): string {
  const what = (diff.description ?? `${diff.action} ${diff.path.join(".")}`)
    .replace(/^\[\w+\]\s*/, "")
    .replace(/\s+/g, " ");
  const values = [
    primitive(diff.before) && diff.action !== "add" ? `was ${JSON.stringify(diff.before)}` : "",
    primitive(diff.after) && diff.action !== "remove" ? `now ${JSON.stringify(diff.after)}` : "",
  ].filter(Boolean);
  return `${what}${values.length > 0 ? ` (${values.join(", ")})` : ""}`;
}

const primitive = (value: unknown) => value === null || ["string", "number", "boolean"].includes(typeof value);

function at(doc: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    doc,
  );
}

/** Follows a local `$ref` ("#/components/parameters/page"). */
export function resolve(doc: object, node: unknown): unknown {
  const ref = (node as { $ref?: string } | undefined)?.$ref;
  return ref?.startsWith("#/") ? at(doc, ref.slice(2).split("/")) : node;
}
