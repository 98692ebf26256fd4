import { createHash, randomUUID } from "node:crypto";
import type { Node, SpecDocument } from "../spec-document.js";

/** A stored record, as JSON gives it. */
export type Data = Record<string, unknown>;

/** What an operation did to a record, for the answers that say it (KORONA's `action`). */
export type Kind = "create" | "update" | "delete" | "none";
const ACTIONS: Record<Kind, string[]> = {
  create: ["ADDED", "CREATED"],
  update: ["UPDATED", "MODIFIED"],
  delete: ["DELETED", "REMOVED"],
  none: ["NONE"],
};

/** Whether a value given for a field has the shape of the one stored (arrays of the same kind of item). */
export function sameShape(value: unknown, stored: unknown): boolean {
  if (stored === undefined || stored === null || value === null) return true;
  if (Array.isArray(stored))
    return Array.isArray(value) && (value.length === 0 || stored.length === 0 || typeof value[0] === typeof stored[0]);
  return typeof value === typeof stored && Array.isArray(value) === Array.isArray(stored);
}

/** The record's fields a schema names. */
export function pick(record: Data, properties: Record<string, unknown>): Data {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name in properties));
}

/** A per-record result (KORONA's AddOrUpdateResult): the record's fields it names, the action done, the rest from the example. */
export function result(
  spec: SpecDocument,
  properties: Record<string, Node>,
  record: Data,
  kind: Kind,
  example: Data | undefined,
): Data {
  const shaped: Data = {};
  for (const [name, given] of Object.entries(properties)) {
    const action = (spec.resolve(given)?.enum as string[] | undefined)?.find((value) => ACTIONS[kind].includes(value));
    if (action) shaped[name] = action;
    else if (record[name] !== undefined) shaped[name] = record[name];
    else if (example?.[name] !== undefined) shaped[name] = example[name];
  }
  return shaped;
}

export function newId(property: Node, seed: unknown, records: Data[], name: string): unknown {
  if (property.type === "integer" || typeof seed === "number")
    return Math.max(0, ...records.map((record) => Number(record[name]) || 0)) + 1;
  if (property.format === "uuid" || typeof seed !== "string") return randomUUID();
  const hex = randomUUID().replace(/-/g, "").repeat(2);
  if (/^[0-9A-F]+$/.test(seed)) return hex.toUpperCase().slice(0, seed.length);
  if (/^[0-9a-f]+$/.test(seed)) return hex.slice(0, seed.length);
  return Buffer.from(hex, "hex").toString("base64url").replace(/[-_]/g, "x").slice(0, seed.length);
}

export function etagOf(record: Data): string {
  return createHash("sha1").update(JSON.stringify(record)).digest("hex").slice(0, 12).toUpperCase();
}
