import { Kind, parse, print, type DocumentNode, type ValueNode } from 'graphql';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { idempotentMutationFields } from '../generated/operations.js';

/**
 * A typed operation document: a `TypedDocumentNode` (an AST, as most code generators emit) or a
 * typed document string (as this SDK's generated documents are). Result and variable types flow
 * from it into `request` and `subscribe`.
 */
export type HubDocument<
  TResult = Record<string, unknown>,
  TVariables = Record<string, unknown>,
> = DocumentTypeDecoration<TResult, TVariables> & (DocumentNode | { toString(): string });

/**
 * Any typed document, whatever its result and variables (`never` variables: every document's
 * variables type is assignable from it). For code that handles documents generically.
 */
export type AnyHubDocument = HubDocument<unknown, never>;

/** Variables of an operation, or a `Record` when the document is an untyped string. */
export type Variables = Readonly<Record<string, unknown>>;

/** How one root field of an operation passes its `input` argument. */
interface RootField {
  readonly name: string;
  readonly responseName: string;
  /** `input: $x`: the variable's name. */
  readonly inputVariable: string | null;
  /** `input: { idempotencyKey: ... }` written inline: the key literal, or the variable holding it. */
  readonly inlineKey: { readonly literal: boolean; readonly variable: string | null } | null;
}

/** What the client needs to know about a document before sending it. */
export interface OperationInfo {
  readonly text: string;
  readonly kind: 'query' | 'mutation' | 'subscription';
  readonly name: string | null;
  readonly rootFields: readonly RootField[];
  /** Names of the variables the operation declares. */
  readonly variables: ReadonlySet<string>;
}

const IDEMPOTENT: ReadonlySet<string> = new Set(idempotentMutationFields);

/**
 * Mutations the hub makes idempotent by their own input rather than by a key: repeating one
 * returns or leaves the first result (an online consultation is unique per supplier reference;
 * a revoked key stays revoked; a transport message is stored once per message id; an
 * acknowledgement or a settlement recorded twice changes nothing). They are retried like keyed ones.
 */
export const NATURALLY_IDEMPOTENT_MUTATIONS: ReadonlySet<string> = new Set([
  'submitOnlineConsultation',
  'revokePluginApiKey',
  'recordInboundMessage',
  'settleInboundMessage',
  'recordWriteBackAcknowledgement',
]);
const byNode = new WeakMap<object, OperationInfo>();
const byText = new Map<string, OperationInfo>();
const TEXT_CACHE_LIMIT = 500;

function isDocumentNode(document: unknown): document is DocumentNode {
  return typeof document === 'object' && document !== null && (document as { kind?: unknown }).kind === Kind.DOCUMENT;
}

function inlineKey(value: ValueNode | undefined): RootField['inlineKey'] {
  if (value?.kind !== Kind.OBJECT) return null;
  const key = value.fields.find((field) => field.name.value === 'idempotencyKey');
  if (!key || key.value.kind === Kind.NULL) return null;
  return key.value.kind === Kind.VARIABLE
    ? { literal: false, variable: key.value.name.value }
    : { literal: true, variable: null };
}

function analyse(document: DocumentNode, text: string): OperationInfo {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new TypeError('A document sent by the hub client must hold exactly one operation');
  const operation = operations[0]!;
  const rootFields: RootField[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value.startsWith('__')) continue;
    const input = selection.arguments?.find((arg) => arg.name.value === 'input')?.value;
    rootFields.push({
      name: selection.name.value,
      responseName: selection.alias?.value ?? selection.name.value,
      inputVariable: input?.kind === Kind.VARIABLE ? input.name.value : null,
      inlineKey: inlineKey(input),
    });
  }
  return {
    text,
    kind: operation.operation,
    name: operation.name?.value ?? null,
    rootFields,
    variables: new Set((operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value)),
  };
}

/** Parses (once per document) what the client needs: the operation's kind, root fields and variables. */
export function operationInfo(document: AnyHubDocument | string): OperationInfo {
  if (isDocumentNode(document)) {
    let info = byNode.get(document);
    if (!info) byNode.set(document, (info = analyse(document, print(document))));
    return info;
  }
  const text = typeof document === 'string' ? document : document.toString();
  let info = byText.get(text);
  if (!info) {
    info = analyse(parse(text), text);
    // Documents are usually a fixed set; a caller building them on the fly must not grow this forever.
    if (byText.size >= TEXT_CACHE_LIMIT) byText.clear();
    byText.set(text, info);
  }
  return info;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Prepares variables for sending, once per call (not per attempt). A mutation field whose `input`
 * takes an `idempotencyKey` gets a random UUID when the caller gave none, so every retry carries
 * the same key and the hub returns the first result instead of acting twice.
 *
 * `retrySafe`: a query always; a mutation only when every field of it carries a key or is
 * idempotent by its input ({@link NATURALLY_IDEMPOTENT_MUTATIONS}).
 */
export function prepareVariables(
  info: OperationInfo,
  variables: Variables | undefined,
): { variables: Variables | undefined; retrySafe: boolean } {
  if (info.kind !== 'mutation') return { variables, retrySafe: info.kind === 'query' };
  let prepared = variables;
  let retrySafe = info.rootFields.length > 0;
  for (const field of info.rootFields) {
    if (NATURALLY_IDEMPOTENT_MUTATIONS.has(field.name)) continue;
    if (!IDEMPOTENT.has(field.name)) {
      retrySafe = false;
      continue;
    }
    if (field.inlineKey) {
      if (!field.inlineKey.literal && prepared?.[field.inlineKey.variable!] == null) retrySafe = false;
      continue;
    }
    const input = field.inputVariable ? prepared?.[field.inputVariable] : undefined;
    if (!field.inputVariable || !isRecord(input)) {
      retrySafe = false;
      continue;
    }
    if (input.idempotencyKey == null) {
      prepared = { ...prepared, [field.inputVariable]: { ...input, idempotencyKey: globalThis.crypto.randomUUID() } };
    } else if (typeof input.idempotencyKey !== 'string' || input.idempotencyKey === '') {
      retrySafe = false;
    }
  }
  return { variables: prepared, retrySafe };
}
