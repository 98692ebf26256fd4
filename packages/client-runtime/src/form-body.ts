/** How one form field is encoded, as an OpenAPI `encoding` entry says (`style`, `explode`). */
export interface FieldEncoding {
  readonly style?: string;
  readonly explode?: boolean;
}

const DELIMITERS: Record<string, string> = { form: ",", spaceDelimited: " ", pipeDelimited: "|" };

/**
 * Encodes a request body as `application/x-www-form-urlencoded` the way form APIs expect:
 * booleans as `true`/`false`, numbers as decimals, dates as ISO 8601, `null` as an empty value
 * (it clears a field), `undefined` left out. Each field as the spec's `encoding` says; without
 * one, an array as repeated keys (`form`, exploded) and a nested object as `name[key]=value`
 * (`deepObject`, as Stripe-style APIs read `metadata[order_id]`). URLSearchParams alone would
 * send "undefined", "null" and "[object Object]".
 */
export function encodeFormBody(body: unknown, encoding: Readonly<Record<string, FieldEncoding>> = {}): string {
  if (!isPlainObject(body)) {
    throw new TypeError(
      `A form body must be a plain object of fields, got ${Array.isArray(body) ? "an array" : typeof body}.`,
    );
  }
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) appendField(form, name, value, encoding[name] ?? {});
  return form.toString();
}

function appendField(
  form: URLSearchParams,
  name: string,
  value: unknown,
  { style, explode = style === undefined || style === "form" || style === "deepObject" }: FieldEncoding,
): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    if (value.some((item) => isPlainObject(item) || Array.isArray(item)))
      throw new TypeError(
        `Form field "${name}" holds a nested list or object in a list, which no form encoding names.`,
      );
    const present = value.filter((item) => item !== undefined);
    if (explode) for (const item of present) form.append(name, encodeFormValue(name, item));
    else form.append(name, present.map((item) => encodeFormValue(name, item)).join(DELIMITERS[style ?? "form"] ?? ","));
    return;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (style === "form" && explode)
      for (const [key, item] of entries) form.append(key, encodeFormValue(`${name}.${key}`, item));
    else if (style === "form")
      form.append(name, entries.flatMap(([key, item]) => [key, encodeFormValue(`${name}.${key}`, item)]).join(","));
    else for (const [key, item] of entries) appendField(form, `${name}[${key}]`, item, {});
    return;
  }
  form.append(name, encodeFormValue(name, value));
}

function encodeFormValue(name: string, value: unknown): string {
  if (value === null) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(
    `Form field "${name}" is ${typeof value}; a form field must be a string, number, boolean, date, null, a list or an object of those.`,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
