import { promotedKb } from "./garbage-per-call.js";

/**
 * Why a call through Node's `fetch` leaves kilobytes in the old generation where an
 * `http.request` SDK leaves almost none: the same promotion measurement (garbage-per-call.ts)
 * with each of two suspects taken away, and with both.
 * - undici's FinalizationRegistry. undici registers every response (holding its body stream), and
 *   every request that follows a signal, as a call with a timeout or a fetch of a `Request` does.
 *   V8's young-generation collections leave registrations alone, so what is registered, and all
 *   it reaches, outlives them.
 *   Taken away by replacing the global before anything loads fetch.
 * - V8's allocation-site pretenuring, which then allocates such objects straight in the old
 *   generation, where dead ones keep the young objects they point to alive. Taken away by a flag.
 * Neither is the client's to change; the figures say how much each accounts for.
 */
export const PROMOTION_SUSPECTS = {
  "without undici's FinalizationRegistry": ["--import=data:text/javascript,globalThis.FinalizationRegistry=class{register(){}unregister(){}}"],
  "without V8's allocation-site pretenuring": ["--no-allocation-site-pretenuring"],
} as const;

/** Promoted kB per call of the contender at `index`, with each suspect away and then both. */
export async function promotionWithoutSuspects(baseUrl: string, index: number, name: string): Promise<{ condition: string; kb: number }[]> {
  const suspects = Object.entries(PROMOTION_SUSPECTS).map(([condition, flags]) => ({ condition, flags: [...flags] }));
  const conditions = [...suspects, { condition: "without both", flags: suspects.flatMap(({ flags }) => flags) }];
  const results = [];
  for (const { condition, flags } of conditions) results.push({ condition, kb: await promotedKb(index, name, baseUrl, flags) });
  return results;
}
