/**
 * What a user writes against the published package. The release test installs the package from
 * a registry, points this import at it, compiles it strictly (no Node types) and runs `consume`
 * against a Prism mock of the spec: the package works as installed, not only in the workspace.
 */
import { createCloudLxClient } from "../src/index.js";

export async function consume(baseUrl: string): Promise<void> {
  const cloudlx = createCloudLxClient({ clientId: "3", clientSecret: "secret", baseUrl });
  const { data: list } = await cloudlx.GET("/api/customers");
  if (list?.customers.length !== 2) throw new Error(`listed ${list?.customers.length} customers, not the spec's two`);
}
