/**
 * What a user writes against the published package. The release test installs the package from
 * a registry, points this import at it, compiles it strictly (no Node types) and runs `consume`
 * against a Prism mock of the spec: the package works as installed, not only in the workspace.
 */
import { createKoronaCloudClient, listCustomers } from "../src/index.js";

export async function consume(baseUrl: string): Promise<void> {
  const korona = createKoronaCloudClient({ username: "user", password: "password", baseUrl });
  const numbers: string[] = [];
  for await (const customer of listCustomers(korona, "account")) numbers.push(customer.number ?? "");
  if (numbers.join() !== "10001,10002") throw new Error(`listed customers ${numbers.join()}, not the spec's examples`);
}
