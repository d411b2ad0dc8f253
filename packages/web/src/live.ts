import { backoffDelay } from '@pcn-hub/schema/backoff';
import { useEffect, useRef } from 'react';
import type { Client } from '@urql/core';
import { InboxEventsSubscription } from './documents';
import type { InboxEventsSubscription as InboxEventsResult } from './gql/graphql';
import { isUnauthenticated } from './errors';

export type InboxMessage = InboxEventsResult['inboxEvents'];
export type InboxEventMessage = Extract<InboxMessage, { __typename: 'InboxEvent' }>;

export interface InboxStreamHandlers {
  /** A new event, in order, each exactly once (replays after a reconnect are dropped by seq). */
  onEvent(event: InboxEventMessage): void;
  /** The stream could not resume (cursor past retention): reload everything. */
  onResync(reason: string): void;
  /** (Re)subscribed: whatever happened while not subscribed is not known, so reload. */
  onSubscribed(): void;
  onUnauthenticated(): void;
}

/**
 * Follows `inboxEvents` for an organisation. On a dropped connection it resubscribes with the
 * cursor of the last event it handled (the hub replays the gap from its event log), backing off
 * from 300 ms to 5 s; an event at or before the last seq seen is a replay and is skipped.
 */
export function useInboxStream(client: Client, organisation: string | null, handlers: InboxStreamHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!organisation) return;
    let cursor: string | null = null;
    let lastSeq = -1;
    let attempt = 0;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current: { unsubscribe(): void } | null = null;

    const start = () => {
      if (stopped) return;
      let failed = false;
      const variables = cursor ? { organisation, after: cursor } : { organisation };
      current = client.subscription(InboxEventsSubscription, variables).subscribe((result) => {
        if (stopped || failed) return;
        if (result.error) {
          failed = true;
          if (isUnauthenticated(result.error)) return ref.current.onUnauthenticated();
          current?.unsubscribe();
          const wait = backoffDelay(++attempt, { baseMs: 300, maxMs: 5000, jitter: false });
          timer = setTimeout(start, wait);
          return;
        }
        const message = result.data?.inboxEvents;
        if (!message) return;
        attempt = 0;
        switch (message.__typename) {
          case 'InboxEvent':
            if (message.seq <= lastSeq) return;
            lastSeq = message.seq;
            cursor = message.cursor;
            ref.current.onEvent(message);
            return;
          case 'InboxResyncRequired':
            lastSeq = message.latestSeq;
            ref.current.onResync(message.reason);
            return;
          case 'InboxHeartbeat':
            return;
        }
      });
      ref.current.onSubscribed();
    };
    start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      current?.unsubscribe();
    };
  }, [client, organisation]);
}

/** What the pages see of the live inbox stream (owned by the signed-in shell). */
export interface LiveInbox {
  /** Increases on every event, resync and (re)subscription: pages reload their data. */
  readonly version: number;
  /** Consultation ids of the events since the last version (pages reload only what they show). */
  readonly lastConsultationId: string | null;
  /** Latest events, newest first, each once. */
  readonly activity: readonly { readonly seq: number; readonly text: string }[];
  /** Why the inbox was reloaded after a RESYNC_REQUIRED, until dismissed. */
  readonly resync: string | null;
  readonly dismissResync: () => void;
}
