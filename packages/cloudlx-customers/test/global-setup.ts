import { fileURLToPath } from "node:url";
import { prismGlobalSetup } from "@org/prism-mock/vitest";

export default prismGlobalSetup(fileURLToPath(new URL("../../../specs/cloudlx/customers.yaml", import.meta.url)));
