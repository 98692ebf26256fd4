/**
 * `pnpm remote-cache:check`: when a shared turbo cache is configured (TURBO_API, TURBO_TOKEN,
 * TURBO_TEAM), asks it whether it accepts the token. turbo itself only logs a refused token
 * and quietly builds everything locally; run this first (in CI) so a wrong token fails loudly.
 */
const api = process.env.TURBO_API;
const token = process.env.TURBO_TOKEN;
const team = process.env.TURBO_TEAM ?? "";

if (!api) {
  console.log("remote-cache:check: no TURBO_API set; turbo uses only the local cache.");
  process.exit(0);
}
if (!token) {
  console.error(
    `remote-cache:check: TURBO_API is ${api} but TURBO_TOKEN is not set; turbo would skip the shared cache.`,
  );
  process.exit(1);
}
const probe = new URL(`/v8/artifacts/remote-cache-check-${Date.now()}`, api);
probe.searchParams.set("teamId", team);
let status: number;
try {
  status = (await fetch(probe, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) }))
    .status;
} catch (error) {
  console.error(
    `remote-cache:check: the shared cache at ${api} does not answer (${(error as Error).message}); builds would run without it.`,
  );
  process.exit(1);
}
if (status === 401 || status === 403) {
  console.error(
    `remote-cache:check: the shared cache at ${api} refused TURBO_TOKEN (HTTP ${status}); fix the token, or turbo will rebuild everything and only log it.`,
  );
  process.exit(1);
}
if (status !== 404 && status !== 200) {
  console.error(
    `remote-cache:check: the shared cache at ${api} answered HTTP ${status} to an artifact lookup; it is not usable.`,
  );
  process.exit(1);
}
console.log(`remote-cache:check: the shared cache at ${api} accepts the token for team "${team}".`);
