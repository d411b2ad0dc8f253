import { createHash } from 'node:crypto';

function hashes(html: string, tag: 'script' | 'style'): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))) {
    found.push(
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
    );
  }
  return found;
}

/**
 * Headers for an HTML page the hub serves: a Content-Security-Policy that allows only the page's
 * own inline script and style blocks (by hash) and same-origin connections, no framing, no MIME
 * sniffing, no referrer beyond the origin.
 */
export function htmlSecurityHeaders(
  html: string,
  extra: { connectSrc?: readonly string[] } = {},
): Record<string, string> {
  const scripts = hashes(html, 'script');
  const styles = hashes(html, 'style');
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${(extra.connectSrc ?? []).join(' ')}`.trim(),
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
}
