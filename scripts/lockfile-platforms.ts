/**
 * Whether `pnpm-lock.yaml` serves every machine a maintainer may bootstrap on. pnpm records only
 * the platform binaries of `pnpm.supportedArchitectures` (by default, the machine that wrote the
 * lockfile), and `--frozen-lockfile` then fails on any other: a Linux-written lockfile breaks
 * `npm run bootstrap` on a Mac.
 */
import { parseYaml } from "@redocly/openapi-core";

export const SUPPORTED_PLATFORMS = { os: ["linux", "darwin", "win32"], cpu: ["x64", "arm64"] };

interface Lockfile {
  packages?: Record<string, { os?: string[]; cpu?: string[] }>;
  snapshots?: Record<string, { optionalDependencies?: Record<string, string> } | null>;
}

/** Problems with the root manifest's `pnpm.supportedArchitectures` and the lockfile's binaries. */
export function lockfilePlatformProblems(rootManifest: Record<string, unknown>, lockfileText: string): string[] {
  const problems: string[] = [];
  const declared = (rootManifest.pnpm as { supportedArchitectures?: { os?: string[]; cpu?: string[] } } | undefined)
    ?.supportedArchitectures;
  for (const key of ["os", "cpu"] as const) {
    const missing = SUPPORTED_PLATFORMS[key].filter((value) => !declared?.[key]?.includes(value));
    if (missing.length > 0)
      problems.push(
        `package.json: pnpm.supportedArchitectures.${key} must list ${missing.join(", ")}, so the lockfile serves every maintainer's machine`,
      );
  }
  const lockfile = parseYaml(lockfileText) as Lockfile;
  for (const [parent, snapshot] of Object.entries(lockfile.snapshots ?? {})) {
    const binaries = Object.entries(snapshot?.optionalDependencies ?? {})
      .map(([name, version]) => lockfile.packages?.[`${name}@${version}`])
      .filter((entry) => entry?.os && entry.cpu);
    // One platform-only optional dependency (fsevents) is a feature, not a family of binaries.
    if (binaries.length < 2) continue;
    for (const os of SUPPORTED_PLATFORMS.os) {
      for (const cpu of SUPPORTED_PLATFORMS.cpu) {
        if (!binaries.some((entry) => entry!.os!.includes(os) && entry!.cpu!.includes(cpu))) {
          problems.push(
            `pnpm-lock.yaml: ${parent} has no binary for ${os}-${cpu}; run \`npx pnpm install --fix-lockfile\` (pnpm.supportedArchitectures set)`,
          );
        }
      }
    }
  }
  return problems;
}
