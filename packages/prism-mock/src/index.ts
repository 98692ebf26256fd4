export { startMock, type RunningMock, type StartMockOptions } from "@org/customers-mock";
export { providerSpecs, type ProviderSpec } from "./provider-specs.js";
