import { fileURLToPath } from "node:url";
import { mockGlobalSetup } from "@org/customers-mock/vitest";

export default mockGlobalSetup(fileURLToPath(new URL("../../../specs/acme/customers.yaml", import.meta.url)));
