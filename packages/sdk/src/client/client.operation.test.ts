import { describe, expect, expectTypeOf, it } from 'vitest';
import { operationInfo, prepareVariables } from './client.operation.js';
import { retryDelay, retryAfterMs, retryPolicy } from './client.retry.js';
import {
  InboxQueryDocument,
  mutationDocuments,
  queryDocuments,
  type HubClient,
  type InboxEventsSubscription,
  type InboxQuery,
} from './index.js';

describe('idempotency keys and retry safety', () => {
  it('fills in one key per call, keeps a key the caller gave, and then counts the mutation retry-safe', () => {
    const info = operationInfo(mutationDocuments.recordConsultation);
    const input = { nhsNumber: '9999999999' };
    const first = prepareVariables(info, { input });
    const second = prepareVariables(info, { input });
    const key = (first.variables!.input as { idempotencyKey: string }).idempotencyKey;
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((second.variables!.input as { idempotencyKey: string }).idempotencyKey).not.toBe(key);
    expect(first.retrySafe).toBe(true);
    expect(input).toEqual({ nhsNumber: '9999999999' });
    const given = prepareVariables(info, { input: { ...input, idempotencyKey: 'mine' } });
    expect(given.variables).toEqual({ input: { ...input, idempotencyKey: 'mine' } });
  });

  it('never retries a mutation without an idempotency key, unless the hub makes it idempotent by its input; always retries queries', () => {
    // Unique per supplier reference at the hub: a repeat returns the first consultation, nothing is added.
    const submit = prepareVariables(operationInfo(mutationDocuments.submitOnlineConsultation), { input: {} });
    expect(submit).toEqual({ variables: { input: {} }, retrySafe: true });
    expect(prepareVariables(operationInfo(mutationDocuments.claimConsultation), { input: {} }).retrySafe).toBe(false);
    expect(prepareVariables(operationInfo(queryDocuments.viewer), undefined).retrySafe).toBe(true);
  });

  it('reads hand-written documents: inline keys, aliases, and a mix with a non-idempotent field', () => {
    const inline = operationInfo(
      'mutation { a: recordConsultation(input: { nhsNumber: "9999999999", idempotencyKey: "k1" }) { consultation { id } } }',
    );
    expect(prepareVariables(inline, undefined).retrySafe).toBe(true);
    const noKey = operationInfo(
      'mutation { recordConsultation(input: { nhsNumber: "9999999999" }) { consultation { id } } }',
    );
    expect(prepareVariables(noKey, undefined).retrySafe).toBe(false);
    const mixed = operationInfo(
      'mutation M($a: RecordConsultationInput!, $b: ConsultationRefInput!) { recordConsultation(input: $a) { consultation { id } } claimConsultation(input: $b) { consultation { id } } }',
    );
    const prepared = prepareVariables(mixed, { a: { nhsNumber: '9999999999' }, b: { consultationId: 'x' } });
    expect((prepared.variables!.a as { idempotencyKey?: string }).idempotencyKey).toBeTypeOf('string');
    expect(prepared.retrySafe).toBe(false);
  });

  it('refuses a document with several operations rather than guess which to send', () => {
    expect(() => operationInfo('query A { viewer { id } } query B { viewer { id } }')).toThrow(/exactly one operation/);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter, within bounds', () => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect(retryDelay(policy, 1, () => 0)).toBe(50);
    expect(retryDelay(policy, 1, () => 1)).toBe(100);
    expect(retryDelay(policy, 3, () => 1)).toBe(400);
    expect(retryDelay(policy, 10, () => 1)).toBe(1000);
    expect(() => retryPolicy({ attempts: 0 })).toThrow(RangeError);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Mon, 02 Mar 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});

describe('typed methods (checked by the compiler: tsc -b fails if a line below is wrong)', () => {
  it('take the operation variables, required only when the operation requires them, and resolve to the root field', () => {
    const usage = async (client: HubClient) => {
      expectTypeOf((await client.queries.viewer()).id).toEqualTypeOf<string>();
      expectTypeOf(await client.queries.inbox({ organisation: 'Y99000', first: 5 })).toEqualTypeOf<
        InboxQuery['inbox']
      >();
      expectTypeOf(await client.request(InboxQueryDocument, { organisation: 'Y99000' })).toEqualTypeOf<InboxQuery>();
      // @ts-expect-error recordConsultation requires its input
      await client.mutations.recordConsultation();
      // @ts-expect-error the variable is misspelt
      await client.queries.inbox({ organization: 'Y99000' });
      // @ts-expect-error no such field
      await client.queries.inboxes();
      client.subscriptions.inboxEvents(
        { organisation: 'Y99000' },
        { onEvent: (message) => expectTypeOf(message).toEqualTypeOf<InboxEventsSubscription['inboxEvents']>() },
      );
    };
    expect(usage).toBeTypeOf('function');
  });
});
