/**
 * Test helpers of @pcn-hub/plugin-mesh: a local MESH server, in-memory inbound and outbound stores,
 * synthetic online consultations and synthetic NHS numbers.
 */
export { startMeshServer } from './mesh-server.js';
export type { MeshServer } from './mesh-server.js';
export { MeshFaults } from './mesh-server.faults.js';
export type { MeshFault, MeshFaultMatch } from './mesh-server.faults.js';
export type {
  InjectedMessage,
  InspectedMessage,
  MeshRequestLogEntry,
  MeshServerErrorEvent,
  MeshServerMailbox,
  MeshServerMessageStatus,
  MeshServerOptions,
} from './mesh-server.types.js';
export { syntheticNhsNumber } from './synthetic.js';
export { MemoryInboundStore } from './memory-inbound-store.js';
export type { StoredInbound } from './memory-inbound-store.js';
export { onlineConsultationReportBundle, plainOnlineConsultation } from './oc-fixtures.js';
export type { OcFixtureOptions } from './oc-fixtures.js';
export { MemoryOutboundStore } from './memory-outbound-store.js';
