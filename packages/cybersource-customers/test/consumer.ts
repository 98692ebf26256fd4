/**
 * What a user writes against the published package. The release test installs the package from
 * a registry, points this import at it, compiles it strictly (no Node types) and runs `consume`
 * against a Prism mock of the spec: the package works as installed, not only in the workspace.
 */
import { createCyberSourceClient, responseMetaOf } from "../src/index.js";

export async function consume(baseUrl: string): Promise<void> {
  const cybersource = createCyberSourceClient({ merchantId: "m", keyId: "k", sharedSecret: "c2VjcmV0", baseUrl });
  const token = await cybersource.GET("/tms/v2/customers/{customerId}", {
    params: { path: { customerId: "D9F340DD3DB9C276E053A2598D0A41A3" } },
  });
  const etag = responseMetaOf(token).etag;
  if (token.data?.id !== "D9F340DD3DB9C276E053A2598D0A41A3" || etag !== "1A2B3C4D5E6F")
    throw new Error(`got customer ${token.data?.id} with ETag ${etag}, not the spec's example`);
}
