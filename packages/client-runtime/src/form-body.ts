/**
 * Encodes a request body as `application/x-www-form-urlencoded` the way form APIs expect:
 * booleans as `true`/`false`, numbers as decimals, `null` as an empty value (it clears a
 * field), `undefined` left out, arrays as repeated keys. URLSearchParams alone would send
 * the strings "undefined" and "null".
 */
export function encodeFormBody(body: unknown): string {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new TypeError(`A form body must be a plain object of fields, got ${Array.isArray(body) ? "an array" : typeof body}.`);
  }
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined) continue;
      form.append(name, encodeFormValue(name, item));
    }
  }
  return form.toString();
}

function encodeFormValue(name: string, value: unknown): string {
  if (value === null) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`Form field "${name}" is ${typeof value}; a form field must be a string, number, boolean, date or null.`);
}
