export { startMock, type RunningMock, type StartMockOptions } from "@org/customers-mock";
export { mockPortOf, providerSpecs, type ProviderSpec } from "./provider-specs.js";
