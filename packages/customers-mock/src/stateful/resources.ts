import { exampleOf, type Node, type SpecDocument } from "../spec-document.js";

/** A collection the spec lets callers create in, read, update or delete from, found by its paths. */
export interface Resource {
  /** `/accounts/{accountId}/customers` */
  collection: string;
  /** `/accounts/{accountId}/customers/{customerIdOrNumber}` */
  item: string;
  /** The item path's own parameter (`customerIdOrNumber`). */
  idParameter: string;
  /** The record fields that parameter matches (`id`, `number`). */
  keys: string[];
  /** The item's schema (its GET answer), allOf merged. */
  schema: ObjectSchema;
  /** Records from the spec's examples, for every new scope (e.g. each account). */
  seeds: Record<string, unknown>[];
}

export interface ObjectSchema {
  properties: Record<string, Node>;
  required: string[];
}

/**
 * Every resource of a spec: a path ending in `/{id}` with a GET (the item) under another path
 * (its collection, whose operations may be absent). The id parameter matches the record field
 * of its name, else `id`; a name like `customerIdOrNumber` matches `id` or `number`.
 */
export function resourcesOf(spec: SpecDocument): Resource[] {
  const resources: Resource[] = [];
  for (const [item, pathItem] of Object.entries<Node>(spec.root.paths ?? {})) {
    const last = /\/\{([^}]+)\}$/.exec(item);
    const get = pathItem.get;
    if (!last || !get) continue;
    const collection = item.slice(0, last.index);
    const answer = jsonSchemaOf(spec, get.responses?.["200"]);
    if (!answer) continue;
    const schema = objectSchema(spec, answer);
    const idParameter = last[1]!;
    const alternatives = idParameter
      .split(/Or(?=[A-Z])/)
      .map((part, index) =>
        index === 0 && part !== idParameter ? "id" : part.charAt(0).toLowerCase() + part.slice(1),
      );
    const keys = alternatives.length > 1 ? alternatives : idParameter in schema.properties ? [idParameter] : ["id"];
    resources.push({ collection, item, idParameter, keys, schema, seeds: seedsOf(spec, item, collection, keys) });
  }
  return resources;
}

/** The JSON schema of a response's first media type, resolved. */
export function jsonSchemaOf(spec: SpecDocument, response: Node): Node {
  const content = spec.resolve(response)?.content;
  const media = content && (Object.values(content)[0] as Node);
  return media?.schema ? spec.resolve(media.schema) : undefined;
}

/** A schema's properties and required names, with `allOf` parts merged. */
export function objectSchema(spec: SpecDocument, given: Node): ObjectSchema {
  const schema = spec.resolve(given) ?? {};
  const merged: ObjectSchema = { properties: { ...(schema.properties ?? {}) }, required: [...(schema.required ?? [])] };
  for (const part of schema.allOf ?? []) {
    const inner = objectSchema(spec, part);
    Object.assign(merged.properties, inner.properties);
    merged.required.push(...inner.required);
  }
  return merged;
}

/** Records shown in the item's GET examples and in the collection's list examples, once each by key. */
function seedsOf(spec: SpecDocument, item: string, collection: string, keys: string[]): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const itemAnswer = spec.resolve(spec.root.paths[item].get.responses["200"]);
  for (const media of Object.values<Node>(itemAnswer.content ?? {})) {
    if (media.example) found.push(media.example);
    for (const example of Object.values<Node>(media.examples ?? {})) found.push(spec.resolve(example).value);
  }
  const list = spec.root.paths[collection]?.get;
  const listed = list ? exampleOf(spec, list.responses?.["200"]) : undefined;
  const items = Array.isArray(listed) ? listed : Object.values((listed as object) ?? {}).find(Array.isArray);
  if (Array.isArray(items)) found.push(...items);
  const key = keys[0]!;
  return found.filter(
    (record, index) =>
      record &&
      typeof record === "object" &&
      found.findIndex((other) => (other as Node)?.[key] === record[key]) === index,
  );
}
