/**
 * What a user writes against the published package. The release test installs the package from
 * a registry, points this import at it, compiles it strictly (no Node types) and runs `consume`
 * against a Prism mock of the spec: the package works as installed, not only in the workspace.
 */
import { createAcmeClient, unwrap } from "../src/index.js";

export async function consume(baseUrl: string): Promise<void> {
  const client = createAcmeClient({ accessToken: "token", baseUrl });
  const customer = unwrap(await client.GET("/customers/{customer_id}", { params: { path: { customer_id: 1 } } }));
  if (customer.name !== "Example Ltd") throw new Error(`got ${customer.name}, not the spec's example`);
}
