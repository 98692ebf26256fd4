import type {} from "vitest";
import { startMock, type StartMockOptions } from "./start-mock.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the mock serving the spec: the client's `baseUrl`. */
    mockUrl: string;
  }
}

export interface GlobalSetupContext {
  provide(key: "mockUrl", value: string): void;
}

/**
 * A vitest `globalSetup` that serves a spec (e.g. `clientSpec("fastly")`) for the whole run and
 * stops the mock when the run ends, passed or failed. Tests read its URL with `inject("mockUrl")`.
 */
export function mockGlobalSetup(spec: string, options: Omit<StartMockOptions, "spec"> = {}) {
  return async function setup({ provide }: GlobalSetupContext): Promise<() => Promise<void>> {
    const mock = await startMock({ ...options, spec });
    provide("mockUrl", mock.url);
    return () => mock.stop();
  };
}
