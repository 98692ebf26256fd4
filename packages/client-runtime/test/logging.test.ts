import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiClient, headerAuth, TimeoutError, type Logger, type LogLevel } from "../src/index.js";
import { debugNames } from "../src/logging.js";
import type { paths } from "./paths.js";
import { startTestServer } from "./test-server.js";

const SECRET = "s3cr3t-token-value";
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  // /things/flaky fails once with a 503, /things/slow never answers, others answer 200.
  server = await startTestServer((request, response, hit) => {
    if (request.url.startsWith("/things/flaky") && hit === 1) return response.writeHead(503).end();
    if (request.url.startsWith("/things/slow")) return;
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllEnvs());

function recordingLogger() {
  const lines: { level: string; message: string; fields: unknown }[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, message, fields });
  const logger: Logger = { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
  return { logger, lines };
}

// A generous timeout per attempt: only the "slow" case waits it out, and a loaded CI machine
// must not turn a prompt answer into a timeout.
function clientWith(logger: Logger, logLevel?: LogLevel, timeout = 5_000) {
  return createApiClient<paths>({
    defaultBaseUrl: server.url,
    packageId: "@org/probe-customers/1.0.0",
    logger,
    ...(logLevel ? { logLevel } : {}),
    auth: headerAuth({ Authorization: `Bearer ${SECRET}` }, [SECRET]),
    timeout,
    maxRetries: 1,
  });
}

describe("logging", () => {
  it("at debug, logs each attempt: method, URL, status, attempt and duration", async () => {
    const { logger, lines } = recordingLogger();
    await clientWith(logger, "debug").GET("/things/{id}", { params: { path: { id: "flaky" } } });
    expect(lines.map((line) => line.level)).toEqual(["debug", "info", "debug"]);
    expect(lines[0]!.message).toMatch(
      new RegExp(`^@org/probe-customers GET ${server.url}/things/flaky → 503 \\(attempt 1, \\d+ ms\\)$`),
    );
    expect(lines[1]!.message).toMatch(/retry 1 in \d+ ms \(status 503\)/);
    expect(lines[2]!.fields).toMatchObject({
      method: "GET",
      url: `${server.url}/things/flaky`,
      status: 200,
      attempt: 2,
    });
  });

  it("at warn, logs only calls that failed without an answer", async () => {
    const { logger, lines } = recordingLogger();
    await clientWith(logger, "warn").GET("/things/{id}", { params: { path: { id: "ok" } } });
    await expect(
      clientWith(logger, "warn", 300).GET("/things/{id}", { params: { path: { id: "slow" } } }),
    ).rejects.toThrow(TimeoutError);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "warn",
      message: expect.stringMatching(/GET .*\/things\/slow failed: .*timed out/),
    });
  });

  it("is off by default, and on at debug when DEBUG names the package", async () => {
    const quiet = recordingLogger();
    await clientWith(quiet.logger).GET("/things/{id}", { params: { path: { id: "ok" } } });
    expect(quiet.lines).toEqual([]);
    vi.stubEnv("DEBUG", "@org/*");
    const loud = recordingLogger();
    await clientWith(loud.logger).GET("/things/{id}", { params: { path: { id: "ok" } } });
    expect(loud.lines.map((line) => line.level)).toEqual(["debug"]);
  });

  it("never logs a credential, in the URL or elsewhere", async () => {
    const { logger, lines } = recordingLogger();
    await clientWith(logger, "debug").GET("/things/{id}", { params: { path: { id: SECRET } } });
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain(SECRET);
    expect(lines[0]!.message).toContain("[redacted]");
  });
});

describe("DEBUG patterns", () => {
  it.each([
    ["@org/probe-customers", true],
    ["@org/*", true],
    ["*", true],
    ["express:*,@org/probe-customers", true],
    ["@org/*,-@org/probe-customers", false],
    ["-@org/probe-customers @org/*", false],
    ["@org/fastly-customers", false],
    ["", false],
  ])("DEBUG=%j → %s", (patterns, named) => {
    expect(debugNames("@org/probe-customers", patterns)).toBe(named);
  });
});
