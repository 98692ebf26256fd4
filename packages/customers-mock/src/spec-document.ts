import { parse } from "yaml";

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is walked freely, as YAML gives it.
export type Node = any;

export const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/** A spec, parsed, with what the mock looks up in it. */
export interface SpecDocument {
  file: string;
  root: Node;
  /** Follows local `$ref`s until a node is not one. */
  resolve(node: Node): Node;
  /** The operation a request reaches, with its path template's parameters; undefined if none. */
  match(method: string, pathname: string): MatchedOperation | undefined;
}

export interface MatchedOperation {
  template: string;
  method: string;
  operation: Node;
  params: Record<string, string>;
}

/** A spec from its YAML or JSON text (or already parsed); `file` names it in errors. */
export function specDocument(given: string | object, file = "the spec"): SpecDocument {
  let root: Node;
  try {
    root = typeof given === "string" ? parse(given) : structuredClone(given);
  } catch (error) {
    throw new Error(`The mock cannot load ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (!root?.paths) throw new Error(`The mock cannot load ${file}: it has no paths.`);
  const resolve = (node: Node): Node => {
    let current = node;
    for (let depth = 0; typeof current?.$ref === "string" && depth < 32; depth++)
      current = (current.$ref as string)
        .slice(2)
        .split("/")
        .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce((parent: Node, key) => parent?.[key], root);
    return current;
  };
  const routes = Object.keys(root.paths ?? {}).map((template) => ({
    template,
    names: [...template.matchAll(/\{([^}]+)\}/g)].map((found) => found[1]!),
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "([^/]+)")}$`),
  }));
  // A literal segment wins over a parameter: `/customers/search` before `/customers/{id}`.
  routes.sort((a, b) => a.names.length - b.names.length);
  return {
    file,
    root,
    resolve,
    match(method, pathname) {
      const basePath = new URL(root.servers?.[0]?.url ?? "http://mock/").pathname.replace(/\/$/, "");
      const path = basePath && pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
      for (const route of routes) {
        const found = route.pattern.exec(path) ?? route.pattern.exec(pathname);
        const operation = found && root.paths[route.template][method.toLowerCase()];
        if (!found || !operation) continue;
        const params = Object.fromEntries(
          route.names.map((name, index) => [name, decodeURIComponent(found[index + 1]!)]),
        );
        return { template: route.template, method: method.toLowerCase(), operation, params };
      }
      return undefined;
    },
  };
}

/** An operation's first documented success status (`"200"`, `"201"`, `"204"` …), else `"200"`. */
export function successStatus(operation: Node): string {
  return (
    Object.keys(operation?.responses ?? {})
      .filter((status) => /^2\d\d$/.test(status))
      .sort()[0] ?? "200"
  );
}

/** The first documented example of a response's body, for a media type or the first one. */
export function exampleOf(spec: SpecDocument, response: Node): unknown {
  const content = spec.resolve(response)?.content ?? {};
  const media = Object.values(content)[0] as Node;
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  if (first !== undefined) return spec.resolve(first)?.value;
  return spec.resolve(media.schema)?.example;
}
