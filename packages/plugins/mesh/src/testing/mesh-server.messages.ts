/** Building and inspecting the local MESH server's stored messages. */
import { gunzipSync } from 'node:zlib';
import type { InspectedMessage, StoredMessage } from './mesh-server.types.js';

/** The fields a new message needs; the rest start empty. */
export type NewMessageFields = Pick<
  StoredMessage,
  'messageId' | 'sender' | 'addressedTo' | 'workflowId' | 'totalChunks'
> &
  Partial<
    Pick<
      StoredMessage,
      | 'messageType'
      | 'recipient'
      | 'subject'
      | 'localId'
      | 'fileName'
      | 'checksum'
      | 'contentType'
      | 'contentEncoding'
      | 'partnerId'
      | 'errorEvent'
    >
  > & { chunks: Buffer[]; now: Date };

/** A new message in state 'uploading'. */
export function newStoredMessage(f: NewMessageFields): StoredMessage {
  return {
    messageId: f.messageId,
    messageType: f.messageType ?? 'DATA',
    sender: f.sender,
    recipient: f.recipient,
    addressedTo: f.addressedTo,
    workflowId: f.workflowId,
    subject: f.subject,
    localId: f.localId,
    fileName: f.fileName,
    checksum: f.checksum,
    contentType: f.contentType,
    contentEncoding: f.contentEncoding,
    partnerId: f.partnerId,
    totalChunks: f.totalChunks,
    chunks: new Map(f.chunks.map((c, i) => [i + 1, c])),
    status: 'uploading',
    createdAt: f.now,
    acceptedAt: undefined,
    acknowledgedAt: undefined,
    statusAt: f.now,
    errorEvent: f.errorEvent,
    inboxSeq: 0,
  };
}

/** Test view of a message, with the payload joined and decompressed when complete. */
export function inspectMessage(message: StoredMessage): InspectedMessage {
  let body: Buffer | undefined;
  if (message.chunks.size === message.totalChunks) {
    try {
      const parts = [...message.chunks.entries()].sort(([a], [b]) => a - b).map(([, c]) => c);
      body = Buffer.concat(message.contentEncoding === 'gzip' ? parts.map((p) => gunzipSync(p)) : parts);
    } catch {
      body = undefined;
    }
  }
  return {
    messageId: message.messageId,
    messageType: message.messageType,
    sender: message.sender,
    recipient: message.recipient,
    addressedTo: message.addressedTo,
    workflowId: message.workflowId,
    status: message.status,
    totalChunks: message.totalChunks,
    receivedChunks: message.chunks.size,
    subject: message.subject,
    localId: message.localId,
    fileName: message.fileName,
    checksum: message.checksum,
    contentEncoding: message.contentEncoding,
    body,
    errorEvent: message.errorEvent,
  };
}
