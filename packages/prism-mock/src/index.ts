export { startMock, type RunningMock, type StartMockOptions } from "./start-mock.js";
export { mockPortOf, providerSpecs, type ProviderSpec } from "./provider-specs.js";
