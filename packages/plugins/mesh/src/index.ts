/**
 * @pcn-hub/plugin-mesh: the MESH plugin for pcn-hub. `startMeshPlugin` runs it (the inbound poller
 * over the hub's API and the write-back bridge); underneath, a MESH API client (NHSMESH
 * authorisation, inbox paging, chunked download and upload, acknowledgement, tracking, endpoint
 * lookup, REPORT messages), pure GP Connect / ITK3 message helpers, the inbound poller (MESH ->
 * store -> acknowledge -> parse -> submit) and the outbound Send Document sender with
 * acknowledgement tracking.
 */
export { meshManifest } from './plugin.manifest.js';
export { startMeshPlugin, stderrLogger } from './mesh.plugin.js';
export type {
  MeshPlugin,
  MeshPluginConfig,
  MeshPluginHubConfig,
  MeshPluginMailboxConfig,
  MeshPluginWriteBackConfig,
} from './mesh.plugin.types.js';
export { HubInboundStore, hubSubmit } from './hub.inbound-store.js';
export type { HubInboundStoreOptions } from './hub.inbound-store.js';
export { WriteBackBridge } from './write-back.bridge.js';
export { WriteBackAcknowledgements } from './write-back.acks.js';
export type { WriteBackAcknowledgementsOptions } from './write-back.acks.js';
export { parseWriteBackMessage, summaryDocument } from './write-back.message.js';
export type { WriteBackEntry, WriteBackMessage } from './write-back.message.js';
export type { BridgeAnswer, MeshAlert, WriteBackBridgeOptions, WriteBackRouting } from './write-back.types.js';
export { JsonFileOutboundStore } from './outbound.json-store.js';
export type { HubPatientDemographics } from './hub.operations.js';
export {
  MESH_AUTH_MAX_SKEW_MS,
  MESH_AUTH_SCHEME,
  MeshAuthVerifier,
  MeshAuthorizer,
  buildMeshAuthorization,
  meshHmac,
  meshTimestamp,
  parseMeshAuthorization,
  parseMeshTimestamp,
} from './mesh.auth.js';
export type {
  MeshAuthRejection,
  MeshAuthVerdict,
  MeshAuthVerifierOptions,
  MeshAuthorizationParts,
  MeshClock,
  MeshCredentials,
} from './mesh.auth.js';
export { MeshClient } from './mesh.client.js';
export type { MeshDrainResult } from './mesh.client.js';
export { asciiHeaderValue, meshChecksum, parseChunkRange, splitIntoChunks, verifyMeshChecksum } from './mesh.chunks.js';
export { MESH_ERROR_CODES, MeshError, isMeshError, isRetryableMeshCode } from './mesh.errors.js';
export type { MeshErrorCode, MeshErrorDetails, MeshOperation } from './mesh.errors.js';
export { parseMeshReport } from './mesh.response.js';
export {
  DEFAULT_CHUNK_SIZE_BYTES,
  DEFAULT_MESH_TIMEOUT_MS,
  MESH_MAX_REQUEST_BYTES,
  MESH_V2_ACCEPT,
} from './mesh.types.js';
export type {
  MeshClientConfig,
  MeshDownloadedMessage,
  MeshEndpoint,
  MeshInboxPage,
  MeshMessageType,
  MeshReport,
  MeshSendRequest,
  MeshSendResult,
  MeshTlsOptions,
  MeshTracking,
} from './mesh.types.js';
export { isValidNhsNumber, normaliseNhsNumber } from './nhs-number.js';
export { FHIR_SYSTEMS } from './fhir.json.js';
export type { FhirObject } from './fhir.json.js';
export { itkMessageHeader, readItkHandling } from './itk.header.js';
export type { ItkMessageHandling, ItkMessageHeaderInput } from './itk.header.js';
export {
  SEND_DOCUMENT_ACK_WORKFLOW_ID,
  SEND_DOCUMENT_MESSAGE_DEFINITION,
  SEND_DOCUMENT_WORKFLOW_ID,
  gpProviderAddress,
  renderSendDocument,
  sendDocumentSubject,
} from './itk.send-document.js';
export type {
  ConsultationSummaryDocument,
  RenderedSendDocument,
  SendDocumentAddressing,
  SendDocumentCodedEntry,
  SendDocumentMeshHeaders,
  SendDocumentOptions,
  SendDocumentOrganisation,
  SendDocumentPatient,
} from './itk.send-document.types.js';
export {
  ITK_RESPONSE_CODES,
  ITK_RESPONSE_MESSAGE_DEFINITION,
  itkResponseKind,
  parseItkResponse,
  renderItkResponse,
} from './itk.response.js';
export type { ItkResponse, ItkResponseInput, ItkResponseKind, ItkResponseParseFailure } from './itk.response.js';
export { OC_REPORT_COMPOSITION_TYPE } from './oc.gp-connect.js';
export { parseInboundOnlineConsultation } from './oc.parse.js';
export { PCN_HUB_OC_V1 } from './oc.plain.js';
export type {
  ConsultationType,
  OcAnswerInput,
  OcAttachmentInput,
  OcIceInput,
  OcInboundFormat,
  OcParseOptions,
  OcParseResult,
  OcPatientInput,
  OcRedFlagInput,
  ParseFailure,
  ParseFailureCode,
  PcnHubOcV1,
  SubmitOnlineConsultationInput,
} from './oc.types.js';
export { DEFAULT_POLL_INTERVAL_MS, MeshPoller } from './mesh.poller.js';
export { SubmissionRejectedError } from './mesh.inbound.types.js';
export type {
  InboundDownloadFailure,
  InboundMessage,
  InboundOutcome,
  InboundStore,
  MeshInboxClient,
  MeshLogger,
  MeshPollerOptions,
  PollSummary,
  SubmitOnlineConsultation,
} from './mesh.inbound.types.js';
export { SendDocumentSender } from './mesh.outbound.js';
export type {
  MeshOutboxClient,
  OutboundDelivery,
  OutboundFailure,
  OutboundRouting,
  OutboundState,
  OutboundStore,
  SendDocumentRequest,
  SendDocumentSenderOptions,
} from './mesh.outbound.types.js';
