/**
 * The EPS FHIR API as the plugin calls it: one POST of a message Bundle to `$process-message`
 * (docs/domain/national-interfaces.md#eps-prescribing-api). What comes back is reduced to what the
 * hub needs: accepted, rejected with EPS's code, or worth trying again.
 *
 * Signing is not done here: in production the prescriber's CIS2 session, `$prepare` and the Digital
 * Signature Service come first (`beforeSend` is where a deployment plugs them in).
 */

/** EPS's answer to one message. */
export type EpsAnswer =
  | { readonly kind: 'ACCEPTED' }
  /** EPS refused it: sending it again would not help. `code` from the OperationOutcome. */
  | { readonly kind: 'REJECTED'; readonly code: string }
  /** Unreachable, timed out, throttled or failed on EPS's side: send it again later. */
  | { readonly kind: 'RETRY'; readonly code: string };

/** Sends one message to EPS. */
export interface EpsService {
  send(bundle: Readonly<Record<string, unknown>>, messageId: string): Promise<EpsAnswer>;
}

/** Options of {@link createEpsHttpService}. */
export interface EpsHttpServiceOptions {
  /** E.g. `https://int.api.service.nhs.uk/fhir-prescribing`, or the test double's URL. */
  readonly baseUrl: string;
  /** The user-restricted access token (CIS2) of the session the message is sent in. */
  readonly accessToken?: () => string | Promise<string>;
  /** Per-request timeout; default 10 s. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

const CODE = /^[A-Za-z0-9_-]{1,40}$/;

/** EPS's error code from an OperationOutcome body, or `HTTP_<status>`. Never the diagnostics (they may quote the message). */
async function errorCodeOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { issue?: { details?: { coding?: { code?: unknown }[] } }[] };
    const code = body.issue?.[0]?.details?.coding?.[0]?.code;
    if (typeof code === 'string' && CODE.test(code)) return code;
  } catch {
    // Not JSON: the status says enough.
  }
  return `HTTP_${response.status}`;
}

/** The EPS FHIR API over HTTP. */
export function createEpsHttpService(options: EpsHttpServiceOptions): EpsService {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/$/, '')}/$process-message`;
  return {
    async send(bundle, messageId) {
      let response: Response;
      try {
        const token = options.accessToken ? await options.accessToken() : null;
        response = await doFetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/fhir+json',
            accept: 'application/fhir+json',
            'x-request-id': messageId,
            'x-correlation-id': messageId,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(bundle),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        return { kind: 'RETRY', code: error instanceof Error && error.name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK' };
      }
      if (response.ok) {
        await response.body?.cancel();
        return { kind: 'ACCEPTED' };
      }
      const code = await errorCodeOf(response);
      const transient = response.status >= 500 || response.status === 408 || response.status === 429;
      return transient ? { kind: 'RETRY', code } : { kind: 'REJECTED', code };
    },
  };
}
