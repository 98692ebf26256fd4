/**
 * Encodes a request body as `application/x-www-form-urlencoded` the way form APIs expect:
 * booleans as `true`/`false`, numbers as decimals, dates as ISO 8601, `null` as an empty value
 * (it clears a field), `undefined` left out, arrays as repeated keys (OpenAPI's `form` style),
 * and nested objects as `name[key]=value` (OpenAPI's `deepObject`, as Stripe-style APIs read
 * `metadata[order_id]`). URLSearchParams alone would send "undefined", "null" and "[object Object]".
 */
export function encodeFormBody(body: unknown): string {
  if (!isPlainObject(body)) {
    throw new TypeError(`A form body must be a plain object of fields, got ${Array.isArray(body) ? "an array" : typeof body}.`);
  }
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) appendField(form, name, value);
  return form.toString();
}

function appendField(form: URLSearchParams, name: string, value: unknown): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isPlainObject(item) || Array.isArray(item)) throw new TypeError(`Form field "${name}" holds a nested list or object in a list, which no form encoding names.`);
      appendField(form, name, item);
    }
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) appendField(form, `${name}[${key}]`, item);
    return;
  }
  form.append(name, encodeFormValue(name, value));
}

function encodeFormValue(name: string, value: unknown): string {
  if (value === null) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`Form field "${name}" is ${typeof value}; a form field must be a string, number, boolean, date, null, a list or an object of those.`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
