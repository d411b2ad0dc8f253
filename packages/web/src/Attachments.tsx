import { useState } from 'react';
import { useClient } from 'urql';
import { AttachmentDownloadLinkQuery } from './documents';
import { showError } from './errors';
import type { AttachmentStatus } from './gql/graphql';

/** An attachment as the consultation page reads it. */
export interface AttachmentItem {
  readonly position: number;
  readonly attachmentId?: string | null;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly status: AttachmentStatus;
}

const STATUS_TEXT: Record<AttachmentStatus, string> = {
  AWAITING_UPLOAD: 'not received yet',
  PENDING_SCAN: 'being checked for viruses',
  AVAILABLE: 'available',
  REJECTED: 'rejected by the virus check',
};

/**
 * The patient's files. A download asks the hub for a fresh signed link at the moment of the click
 * (links live minutes, so one read with the page could have lapsed) and follows it: the hub
 * answers it as a download, audited.
 */
export function Attachments({ items }: { items: readonly AttachmentItem[] }) {
  const client = useClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function download(attachmentId: string): Promise<void> {
    setProblem(null);
    setBusy(attachmentId);
    const result = await client
      .query(AttachmentDownloadLinkQuery, { attachmentId }, { requestPolicy: 'network-only' })
      .toPromise();
    setBusy(null);
    const url = result.data?.attachmentDownloadLink.url;
    if (url) window.location.assign(url);
    else setProblem(showError(result.error)?.text ?? 'The file could not be fetched.');
  }

  if (items.length === 0) return <p>None.</p>;
  return (
    <>
      <ul data-testid="attachments">
        {items.map((a) => (
          <li key={a.position}>
            {a.fileName} ({a.contentType}, {fileSize(a.sizeBytes)}, {STATUS_TEXT[a.status]})
            {a.status === 'AVAILABLE' && a.attachmentId ? (
              <>
                {' '}
                <button
                  type="button"
                  disabled={busy === a.attachmentId}
                  onClick={() => void download(a.attachmentId!)}
                  aria-label={`Download ${a.fileName}`}
                >
                  Download
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {problem ? <p role="alert">{problem}</p> : null}
    </>
  );
}

/** A file's size as people read it: bytes under 1 KB, then KB, then MB (one decimal). */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
