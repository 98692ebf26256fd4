import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PROMOTION_SUSPECTS } from "../bench/promotion-causes.js";

/** What `node <flags>` sees: whether FinalizationRegistry is V8's own, and that fetch still answers. */
const inNode = (flags: readonly string[]) =>
  execFileSync(process.execPath, [...flags, "--input-type=module", "-e", `const native = String(FinalizationRegistry).includes("[native code]"); console.log(JSON.stringify({ native, body: await (await fetch("data:text/plain,ok")).text() }));`], {
    encoding: "utf8",
  });

describe("the suspects the promotion benchmark takes away", () => {
  it("replaces FinalizationRegistry before fetch loads, and fetch still works", () => {
    expect(JSON.parse(inNode(PROMOTION_SUSPECTS["without undici's FinalizationRegistry"]))).toEqual({ native: false, body: "ok" });
    expect(JSON.parse(inNode([]))).toEqual({ native: true, body: "ok" });
  });

  it("passes V8 a pretenuring flag this node accepts, alone and with the other", () => {
    expect(JSON.parse(inNode(PROMOTION_SUSPECTS["without V8's allocation-site pretenuring"]))).toEqual({ native: true, body: "ok" });
    expect(JSON.parse(inNode(Object.values(PROMOTION_SUSPECTS).flat()))).toEqual({ native: false, body: "ok" });
  });
});
