import { describe, expect, it } from "vitest";
import { basicAuthorization } from "../src/basic-auth.js";
import { encodeFormBody } from "../src/form-body.js";

describe("encodeFormBody", () => {
  it("encodes booleans, numbers, dates and text the way form APIs read them", () => {
    expect(encodeFormBody({ a: true, b: false, n: 1.5, s: "x y&z", d: new Date("2024-01-02T03:04:05Z") })).toBe(
      "a=true&b=false&n=1.5&s=x+y%26z&d=2024-01-02T03%3A04%3A05.000Z",
    );
  });

  it("leaves undefined fields out and sends null as an empty value", () => {
    expect(encodeFormBody({ gone: undefined, cleared: null, kept: "k" })).toBe("cleared=&kept=k");
  });

  it("repeats the key for each item of an array", () => {
    expect(encodeFormBody({ roles: ["a", "b"] })).toBe("roles=a&roles=b");
  });

  it("refuses bodies and fields a form cannot carry, naming them", () => {
    expect(() => encodeFormBody("name=x")).toThrow(/plain object of fields, got string/);
    expect(() => encodeFormBody([1])).toThrow(/got an array/);
    expect(() => encodeFormBody({ list: [{ a: 1 }] })).toThrow(
      /Form field "list" holds a nested list or object in a list/,
    );
    expect(() => encodeFormBody({ callback: () => 1 })).toThrow(/Form field "callback" is function/);
  });

  it("encodes each field as the spec's encoding says: form (exploded or not), space- and pipe-delimited, deepObject", () => {
    const body = {
      tags: ["a", "b"],
      ids: [1, 2],
      words: ["x", "y"],
      codes: ["p", "q"],
      color: { r: 1, g: 2 },
      shape: { w: 3 },
      meta: { k: "v" },
    };
    const encoding = {
      tags: { style: "form", explode: false },
      ids: { style: "form" },
      words: { style: "spaceDelimited" },
      codes: { style: "pipeDelimited" },
      color: { style: "form", explode: false },
      shape: { style: "form", explode: true },
      meta: { style: "deepObject", explode: true },
    };
    expect([...new URLSearchParams(encodeFormBody(body, encoding))]).toEqual([
      ["tags", "a,b"],
      ["ids", "1"],
      ["ids", "2"],
      ["words", "x y"],
      ["codes", "p|q"],
      ["color", "r,1,g,2"],
      ["w", "3"],
      ["meta[k]", "v"],
    ]);
  });

  it("encodes a nested object as deepObject fields and an array as repeated keys", () => {
    const encoded = encodeFormBody({
      name: "Ada",
      metadata: { order_id: "o-1", tier: { level: 2 }, gone: undefined },
      tags: ["a", "b"],
    });
    expect(decodeURIComponent(encoded)).toBe("name=Ada&metadata[order_id]=o-1&metadata[tier][level]=2&tags=a&tags=b");
  });
});

describe("basicAuthorization", () => {
  it("encodes the pair as UTF-8 base64", () => {
    expect(basicAuthorization("api-user", "pässwörd")).toBe(
      `Basic ${Buffer.from("api-user:pässwörd", "utf8").toString("base64")}`,
    );
  });

  it("refuses a username with a colon, which Basic auth cannot carry", () => {
    expect(() => basicAuthorization("a:b", "p")).toThrow(/cannot contain ':'/);
  });
});
