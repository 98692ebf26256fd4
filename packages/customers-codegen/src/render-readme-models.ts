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
  required?: string[];
  enum?: unknown[];
}

/**
 * The README's models table: every object schema, its fields once each (those always present
 * in bold, read-only ones marked) and what it is.
 */
export function renderModelsTable(spec: LoadedSpec): string {
  const schemas = ((spec.document.components as { schemas?: Record<string, Schema> } | undefined)?.schemas ??
    {}) as Record<string, Schema>;
  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(schemas[schema.$ref.split("/").pop()!] ?? {}) : schema;
  const fieldsOf = (schema: Schema): [string, Schema][] => {
    const resolved = resolve(schema);
    return [...(resolved.allOf ?? []).flatMap(fieldsOf), ...Object.entries(resolved.properties ?? {})];
  };
  const requiredOf = (schema: Schema): string[] => {
    const resolved = resolve(schema);
    return [...(resolved.allOf ?? []).flatMap(requiredOf), ...(resolved.required ?? [])];
  };
  const rows = Object.entries(schemas)
    .map(([name, schema]) => [name, schema, fieldsOf(schema)] as const)
    .filter(([, , fields]) => fields.length > 0)
    .map(([name, schema, fields]) => {
      const required = new Set(requiredOf(schema));
      const readOnly = new Set(
        fields
          .filter(([, fieldSchema]) => fieldSchema.readOnly || resolve(fieldSchema).readOnly)
          .map(([field]) => field),
      );
      const names = [...new Set(fields.map(([field]) => field))];
      const list = names
        .map(
          (field) =>
            `${required.has(field) ? `**\`${field}\`**` : `\`${field}\``}${readOnly.has(field) ? " (read-only)" : ""}`,
        )
        .join(", ");
      return `| \`${name}\` | ${list} | ${firstSentence(schema.description)} |`;
    });
  return [
    "Fields in **bold** are always present.",
    "",
    "| Model | Fields | Description |",
    "| --- | --- | --- |",
    ...rows,
  ].join("\n");
}

function firstSentence(text: string | undefined): string {
  if (!text) return "";
  const line = text.replace(/\s+/g, " ").trim();
  const end = line.search(/\.(\s|$)/);
  return (end === -1 ? line : line.slice(0, end + 1)).replaceAll("|", "\\|");
}
