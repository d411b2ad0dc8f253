import type { SubscriptionHandlers, Unsubscribe } from './client.subscriptions.js';

/** A subscription as an async iterator: `for await` the messages; `break` (or `return()`) unsubscribes. */
export interface HubEventIterator<TMessage> extends AsyncIterableIterator<TMessage> {
  /** Stops the subscription; a pending `next()` resolves as done. */
  unsubscribe(): void;
}

/**
 * Adapts the callback form of a subscription to an async iterator. Messages wait in a queue until
 * read; the subscription's error is thrown from the `next()` that reaches it.
 */
export function iterateSubscription<TMessage>(
  subscribe: (handlers: SubscriptionHandlers<TMessage>) => Unsubscribe,
  extra: Omit<SubscriptionHandlers<TMessage>, 'onEvent' | 'onError' | 'onComplete'> = {},
): HubEventIterator<TMessage> {
  const queue: TMessage[] = [];
  let failure: { error: Error } | null = null;
  let done = false;
  let waiting: { resolve: (result: IteratorResult<TMessage>) => void; reject: (error: Error) => void } | null = null;

  const settle = (): void => {
    if (!waiting) return;
    const { resolve, reject } = waiting;
    if (queue.length > 0) {
      waiting = null;
      resolve({ done: false, value: queue.shift()! });
    } else if (failure) {
      waiting = null;
      const { error } = failure;
      failure = null;
      done = true;
      reject(error);
    } else if (done) {
      waiting = null;
      resolve({ done: true, value: undefined });
    }
  };
  const unsubscribe = subscribe({
    ...extra,
    onEvent: (message) => {
      queue.push(message);
      settle();
    },
    onError: (error) => {
      failure = { error };
      settle();
    },
    onComplete: () => {
      done = true;
      settle();
    },
  });
  const close = (): void => {
    unsubscribe();
    done = true;
    queue.length = 0;
    failure = null;
    settle();
  };
  const iterator: HubEventIterator<TMessage> = {
    next: () =>
      new Promise((resolve, reject) => {
        if (waiting) {
          reject(new Error('next() called again before the previous call settled'));
          return;
        }
        waiting = { resolve, reject };
        settle();
      }),
    return: async () => {
      close();
      return { done: true, value: undefined };
    },
    unsubscribe: close,
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
