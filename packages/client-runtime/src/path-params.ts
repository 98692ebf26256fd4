import { defaultPathSerializer } from "openapi-fetch";

/**
 * openapi-fetch's path serializer (every value percent-encoded, so `/`, `?`, `#` and unicode
 * stay inside their segment), refusing the values no encoding can keep in place: an empty
 * value, `.` and `..` (URLs resolve those, `%2e%2e` included, and would change the route).
 */
export function safePathSerializer(pathname: string, params: Record<string, unknown>): string {
  for (const [name, value] of Object.entries(params)) {
    if (!pathname.includes(`{${name}}`)) continue;
    const text = value === undefined || value === null ? "" : String(value);
    if (text === "") throw new TypeError(`Path parameter "${name}" is empty; pass the id of an existing resource.`);
    if (text === "." || text === "..")
      throw new TypeError(`Path parameter "${name}" cannot be "${text}": it would change the route.`);
  }
  return defaultPathSerializer(pathname, params);
}
