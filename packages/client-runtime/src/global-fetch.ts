import type { SendFetch } from "./send-request.js";

/** The clients' fetch outside Node (browsers, workers, Deno, Bun): the runtime's own. See node-http-fetch.ts for Node's. */
export const defaultFetch: SendFetch = (input, init) => fetch(input, init);
