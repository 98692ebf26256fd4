export { startMock, type RunningMock, type StartMockOptions } from "./start-mock.js";
export { clientPackageName, clientSpec, mockPortOf } from "./client-spec.js";
export { FAULT_HEADER, FAULT_KINDS, type FaultKind, type FaultOptions } from "./faults.js";
