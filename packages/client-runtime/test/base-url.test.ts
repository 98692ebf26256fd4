import { describe, expect, it } from "vitest";
import { checkBaseUrl } from "../src/base-url.js";

describe("checkBaseUrl", () => {
  it("accepts https anywhere and http on loopback, without a trailing slash", () => {
    expect(checkBaseUrl("https://api.fastly.com/")).toBe("https://api.fastly.com");
    expect(checkBaseUrl("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
    expect(checkBaseUrl("http://localhost:4010/")).toBe("http://localhost:4010");
    expect(checkBaseUrl("http://[::1]:4010")).toBe("http://[::1]:4010");
  });

  it("refuses plain http to another host unless allowed", () => {
    expect(() => checkBaseUrl("http://api.fastly.com")).toThrow(/plain http to a non-local host/);
    expect(checkBaseUrl("http://proxy.internal", { allowInsecureHttp: true })).toBe("http://proxy.internal");
  });

  it("refuses what is not an absolute http(s) URL", () => {
    expect(() => checkBaseUrl("api.fastly.com")).toThrow(/not an absolute URL/);
    expect(() => checkBaseUrl("file:///etc/passwd")).toThrow(/must use https/);
  });

  it("refuses credentials in the URL, without repeating them", () => {
    const refusal = (() => {
      try {
        checkBaseUrl("https://user:s3cret@api.fastly.com/v1");
      } catch (thrown) {
        return (thrown as Error).message;
      }
    })();
    expect(refusal).toMatch(/^baseUrl "https:\/\/api\.fastly\.com\/v1" carries credentials/);
    expect(refusal).not.toContain("s3cret");
  });
});
