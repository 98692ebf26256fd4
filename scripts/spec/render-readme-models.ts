import type { LoadedSpec } from "./load-spec.js";

export const MODELS_START = "<!-- models:start (generated from the spec by pnpm generate) -->";
export const MODELS_END = "<!-- models:end -->";

interface Schema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  readOnly?: boolean;
  enum?: unknown[];
}

/** The README's models table: every object schema, its fields (read-only ones marked) and what it is. */
export function renderModelsTable(spec: LoadedSpec): string {
  const schemas = ((spec.document.components as { schemas?: Record<string, Schema> } | undefined)?.schemas ?? {}) as Record<string, Schema>;
  const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(schemas[schema.$ref.split("/").pop()!] ?? {}) : schema);
  const fieldsOf = (schema: Schema): [string, Schema][] => {
    const resolved = resolve(schema);
    return [...(resolved.allOf ?? []).flatMap(fieldsOf), ...Object.entries(resolved.properties ?? {})];
  };
  const rows = Object.entries(schemas)
    .map(([name, schema]) => [name, schema, fieldsOf(schema)] as const)
    .filter(([, , fields]) => fields.length > 0)
    .map(([name, schema, fields]) => {
      const list = fields.map(([field, fieldSchema]) => `\`${field}\`${fieldSchema.readOnly || resolve(fieldSchema).readOnly ? " (read-only)" : ""}`).join(", ");
      return `| \`${name}\` | ${list} | ${firstSentence(schema.description)} |`;
    });
  return ["| Model | Fields | Description |", "| --- | --- | --- |", ...rows].join("\n");
}

function firstSentence(text: string | undefined): string {
  if (!text) return "";
  const line = text.replace(/\s+/g, " ").trim();
  const end = line.search(/\.(\s|$)/);
  return (end === -1 ? line : line.slice(0, end + 1)).replaceAll("|", "\\|");
}
