/**
 * The User-Agent of every request: the caller's own first (client `headers` or a call's), then
 * the package and the platform, e.g. `my-app/1.0 @org/fastly-customers/0.2.0 node/20.20`.
 * Browsers get none: they set their own, and a custom one would cost a CORS preflight.
 */
export function userAgentOf(packageId: string | undefined, callerAgent: string | undefined): string | undefined {
  const platform = platformId();
  if (!packageId || !platform) return callerAgent;
  return [callerAgent, packageId, platform].filter(Boolean).join(" ");
}

/** `node/20.20`, `bun/1.1`, `deno/2.0`; undefined in a browser. */
let platform: string | undefined | null = null;
function platformId(): string | undefined {
  if (platform === null) platform = readPlatformId();
  return platform;
}

function readPlatformId(): string | undefined {
  const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;
  const [name, version] = versions?.bun
    ? ["bun", versions.bun]
    : versions?.deno
      ? ["deno", versions.deno]
      : versions?.node
        ? ["node", versions.node]
        : [];
  return name && version ? `${name}/${version.split(".").slice(0, 2).join(".")}` : undefined;
}
