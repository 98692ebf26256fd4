/**
 * What a user writes against the published package. The release test installs the package from
 * a registry, points this import at it, compiles it strictly (no Node types) and runs `consume`
 * against a Prism mock of the spec: the package works as installed, not only in the workspace.
 */
import { createFastlyClient, unwrap, type Customer } from "../src/index.js";

export async function consume(baseUrl: string): Promise<void> {
  const fastly = createFastlyClient({ apiToken: "token", baseUrl });
  const me: Customer = unwrap(await fastly.GET("/current_customer"));
  if (me.id !== "x4xCwxxJxGCx123Rx5xTx") throw new Error(`the current customer is ${me.id}, not the spec's example`);
}
