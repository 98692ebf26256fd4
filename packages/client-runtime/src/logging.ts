import { environmentVariable } from "./credentials.js";

/** Where the client's log lines go: `console` by default, or pino, winston, … (same four methods). */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * How much the client logs. `debug`: every request sent, token requests and redirects included
 * (method, URL, status, attempt, duration);
 * `info`: also each retry and why; `warn`: calls that failed without an answer. Default `off`,
 * or `debug` when the DEBUG variable names the package (`DEBUG=@org/*`, as the debug module).
 */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

export interface LoggingOptions {
  logger?: Logger;
  logLevel?: LogLevel;
}

/** What one request was: never headers or bodies, and the URL with credentials redacted. */
export interface ExchangeFields {
  method: string;
  url: string;
  attempt: number;
  durationMs: number;
  status?: number;
  error?: string;
}

/** The client's log, or undefined when it logs nothing (so the calls pay nothing for it). */
export interface Log {
  exchange(fields: ExchangeFields): void;
  retry(fields: { method: string; url: string; retry: number; delayMs: number; reason: string }): void;
  failure(fields: { method: string; url: string; error: string }): void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function createLog(options: LoggingOptions, packageName: string | undefined): Log | undefined {
  const level = options.logLevel ?? (packageName && debugNames(packageName) ? "debug" : "off");
  if (RANK[level] === 0) return undefined;
  const logger = options.logger ?? console;
  const prefix = packageName ? `${packageName} ` : "";
  const at = (wanted: LogLevel) => RANK[level] >= RANK[wanted];
  return {
    exchange(fields) {
      if (!at("debug")) return;
      const outcome = fields.status === undefined ? `no answer (${fields.error})` : String(fields.status);
      logger.debug(
        `${prefix}${fields.method} ${fields.url} → ${outcome} (attempt ${fields.attempt}, ${fields.durationMs} ms)`,
        { ...fields },
      );
    },
    retry(fields) {
      if (at("info"))
        logger.info(
          `${prefix}${fields.method} ${fields.url}: retry ${fields.retry} in ${fields.delayMs} ms (${fields.reason})`,
          { ...fields },
        );
    },
    failure(fields) {
      if (at("warn")) logger.warn(`${prefix}${fields.method} ${fields.url} failed: ${fields.error}`, { ...fields });
    },
  };
}

/** Whether DEBUG (comma or space separated, `*` wildcards, `-` to exclude) names this package. */
export function debugNames(packageName: string, patterns = environmentVariable("DEBUG")): boolean {
  if (!patterns) return false;
  const matches = (pattern: string) =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\/]/g, "\\$&").replaceAll("*", ".*")}$`).test(packageName);
  const entries = patterns.split(/[\s,]+/).filter(Boolean);
  // As in the debug module, an exclusion wins wherever it stands.
  if (entries.some((entry) => entry.startsWith("-") && matches(entry.slice(1)))) return false;
  return entries.some((entry) => !entry.startsWith("-") && matches(entry));
}
