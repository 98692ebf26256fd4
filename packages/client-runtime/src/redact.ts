const REDACTED = "[redacted]";

/** Replaces every occurrence of a known secret in a string, or in every string of a JSON value. */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  const real = secrets.filter((secret) => secret.length >= 4);
  if (real.length === 0) return value;
  const scrub = (text: string) => real.reduce((result, secret) => result.split(secret).join(REDACTED), text);
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return scrub(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object")
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item)]));
    return node;
  };
  return walk(value) as T;
}
