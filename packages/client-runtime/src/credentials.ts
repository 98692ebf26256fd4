/** An environment variable's value when the platform has them (Node, Bun, Deno's `process`) and it is not empty. */
export function environmentVariable(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name];
  return value ? value : undefined;
}

/**
 * A credential from the factory's option, else from its documented environment variable; a
 * TypeError naming both when neither is set (`hint` says where to get one).
 */
export function requireCredential(
  factory: string,
  option: string,
  given: string | undefined,
  variable: string,
  hint?: string,
): string {
  const value = given || environmentVariable(variable);
  if (!value)
    throw new TypeError(
      `${factory} needs ${option}: pass the \`${option}\` option or set ${variable}${hint ? ` (${hint})` : ""}.`,
    );
  return value;
}
