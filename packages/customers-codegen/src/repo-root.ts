import { resolve } from "node:path";

/**
 * The monorepo's root folder. The generator names specs from there (`specs/fastly/customers.yaml`)
 * and compiles users' code against the runtime's source beside it.
 */
export const repoRoot = resolve(import.meta.dirname, "../../..");
