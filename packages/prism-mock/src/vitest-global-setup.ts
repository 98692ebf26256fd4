import { startMock } from "./start-mock.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock serving this package's spec. */
    mockUrl: string;
  }
}

export interface GlobalSetupContext {
  provide(key: "mockUrl", value: string): void;
}

/**
 * A vitest globalSetup that serves `spec` with Prism for the whole run and stops it when the
 * run ends, passed or failed. Tests read the URL with `inject("mockUrl")`.
 */
export function prismGlobalSetup(spec: string) {
  return async function setup({ provide }: GlobalSetupContext): Promise<() => Promise<void>> {
    const mock = await startMock({ spec });
    provide("mockUrl", mock.url);
    return () => mock.stop();
  };
}
