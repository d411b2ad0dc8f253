/**
 * The messaging gateway as the plugin calls it (an SMS and e-mail gateway in the style of GOV.UK
 * Notify or an NHS App messaging API): one POST per message, keyed by the reply id so that a resend
 * is not delivered twice. The answer is reduced to what the hub needs.
 */

/** One message for the gateway. */
export interface OutgoingMessage {
  /** The reply id: the gateway's idempotency key. */
  readonly reference: string;
  readonly channel: 'SMS' | 'EMAIL';
  /** +447... or an e-mail address. */
  readonly to: string;
  readonly body: string;
}

/** What the gateway did. */
export type GatewayAnswer =
  | { readonly kind: 'SENT' }
  | { readonly kind: 'DELIVERED' }
  /** Refused: sending again would not help (a bad number, an opted-out patient). */
  | { readonly kind: 'FAILED'; readonly code: string }
  /** Unreachable, timed out, throttled or failed on its side. */
  | { readonly kind: 'RETRY'; readonly code: string };

export interface MessagingGateway {
  send(message: OutgoingMessage): Promise<GatewayAnswer>;
}

/** Options of {@link createHttpMessagingGateway}. */
export interface HttpMessagingGatewayOptions {
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

const CODE = /^[A-Za-z0-9_-]{1,40}$/;

/** The gateway's error code from `{ error: { code } }`, or `HTTP_<status>`; never its message (it may quote the address). */
async function codeOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    if (typeof body.error?.code === 'string' && CODE.test(body.error.code)) return body.error.code;
  } catch {
    // Not JSON.
  }
  return `HTTP_${response.status}`;
}

/** A gateway over HTTP: POST `<baseUrl>/messages`. */
export function createHttpMessagingGateway(options: HttpMessagingGatewayOptions): MessagingGateway {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/$/, '')}/messages`;
  return {
    async send(message) {
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': message.reference,
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify({
            reference: message.reference,
            channel: message.channel.toLowerCase(),
            to: message.to,
            body: message.body,
          }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        return { kind: 'RETRY', code: error instanceof Error && error.name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK' };
      }
      if (response.ok) {
        let status: unknown = null;
        try {
          status = ((await response.json()) as { status?: unknown }).status;
        } catch {
          // An empty 2xx is "accepted".
        }
        return status === 'delivered' ? { kind: 'DELIVERED' } : { kind: 'SENT' };
      }
      const code = await codeOf(response);
      const transient = response.status >= 500 || response.status === 408 || response.status === 429;
      return transient ? { kind: 'RETRY', code } : { kind: 'FAILED', code };
    },
  };
}
