import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { HubClient } from './client';
import {
  ExplainWriteBackQuery,
  HubConsultationQuery,
  RecordConsultationMutation,
  SaveConsultationMutation,
  WriteBackEventsSubscription,
} from './documents';
import { human, isUnauthenticated, showError, type ShownError } from './errors';
import { isValidNhsNumber, isValidSnomedConceptId, normaliseNhsNumber } from './identifiers';
import { navigate } from './router';

interface Row {
  readonly key: number;
  code: string;
  term: string;
}

const DRAFT_KEY = 'pcn-hub.record-draft';

/** Record a hub consultation with SNOMED CT-coded entries, validated as typed; the API stays the judge. */
export function RecordConsultationPage({ params }: { params: URLSearchParams }) {
  const from = params.get('from');
  // Typed text survives a lost connection or a reload (this tab only).
  const [draft, setDraft] = useState<{ nhs: string; location: string; rows: Row[] }>(() => {
    const saved = sessionStorage.getItem(DRAFT_KEY);
    if (saved) {
      try {
        return JSON.parse(saved) as { nhs: string; location: string; rows: Row[] };
      } catch {
        /* a broken draft starts afresh */
      }
    }
    return { nhs: params.get('nhs') ?? '', location: '', rows: [{ key: 1, code: '', term: '' }] };
  });
  useEffect(() => sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft)), [draft]);
  const [touched, setTouched] = useState(false);
  const [apiError, setApiError] = useState<ShownError | null>(null);
  const [{ fetching }, record] = useMutation(RecordConsultationMutation);
  const idempotencyKey = useRef(crypto.randomUUID());
  const ids = useId();

  const nhs = normaliseNhsNumber(draft.nhs);
  const nhsProblem = !isValidNhsNumber(nhs) ? 'Enter a valid 10-digit NHS number.' : null;
  const problems = draft.rows.map((r) => ({
    code: !isValidSnomedConceptId(r.code.trim())
      ? 'Not a valid SNOMED CT concept id (digits with a Verhoeff check digit).'
      : null,
    term: r.term.trim().length < 1 || r.term.trim().length > 255 ? 'Enter the term (1-255 characters).' : null,
  }));
  /** The API's field at fault, e.g. input.entries[0].coded.snomedCode. */
  const apiField = apiError?.field ?? null;
  const apiFieldIs = (path: string) => apiField === `input.${path}` || apiField === path;

  const update = (key: number, patch: Partial<Row>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));

  const submit = () => {
    setTouched(true);
    setApiError(null);
    if (nhsProblem || problems.some((p) => p.code || p.term)) return;
    void record({
      input: {
        nhsNumber: nhs,
        inboxConsultationId: from,
        location: draft.location.trim() || null,
        idempotencyKey: idempotencyKey.current,
        entries: draft.rows.map((r) => ({ coded: { snomedCode: r.code.trim(), term: r.term.trim() } })),
      },
    }).then((result) => {
      const shown = showError(result.error);
      if (shown) return setApiError(shown);
      const id = result.data?.recordConsultation.consultation.id;
      if (id) {
        sessionStorage.removeItem(DRAFT_KEY);
        navigate(`/hub-consultations/${encodeURIComponent(id)}`, true);
      }
    });
  };

  const fieldError = (id: string, local: string | null, path: string) => {
    const text = touched
      ? (local ?? (apiFieldIs(path) ? apiError!.text : null))
      : apiFieldIs(path)
        ? apiError!.text
        : null;
    return {
      props: { 'aria-invalid': text ? true : undefined, 'aria-describedby': text ? `${id}-error` : undefined },
      node: text ? (
        <p id={`${id}-error`} className="error">
          {text}
        </p>
      ) : null,
    };
  };

  const nhsField = fieldError(`${ids}-nhs`, nhsProblem, 'nhsNumber');
  return (
    <article aria-labelledby="record-heading" className="record">
      <h1 id="record-heading">Record a hub consultation</h1>
      <form
        aria-label="Record a hub consultation"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor={`${ids}-nhs`}>Patient's NHS number</label>
          <input
            id={`${ids}-nhs`}
            name="nhsNumber"
            value={draft.nhs}
            autoComplete="off"
            onChange={(e) => setDraft({ ...draft, nhs: e.target.value })}
            {...nhsField.props}
          />
          {nhsField.node}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-location`}>Location (optional)</label>
          <input
            id={`${ids}-location`}
            name="location"
            value={draft.location}
            onChange={(e) => setDraft({ ...draft, location: e.target.value })}
          />
        </div>
        <fieldset>
          <legend>Coded entries (SNOMED CT)</legend>
          {draft.rows.map((row, i) => {
            const code = fieldError(
              `${ids}-code-${row.key}`,
              problems[i]?.code ?? null,
              `entries[${i}].coded.snomedCode`,
            );
            const term = fieldError(`${ids}-term-${row.key}`, problems[i]?.term ?? null, `entries[${i}].coded.term`);
            return (
              <div key={row.key} className="coded-row">
                <div className="field">
                  <label htmlFor={`${ids}-code-${row.key}`}>SNOMED CT code, entry {i + 1}</label>
                  <input
                    id={`${ids}-code-${row.key}`}
                    name={`entries[${i}].coded.snomedCode`}
                    inputMode="numeric"
                    value={row.code}
                    onChange={(e) => update(row.key, { code: e.target.value })}
                    onBlur={() => setTouched(true)}
                    {...code.props}
                  />
                  {code.node}
                </div>
                <div className="field">
                  <label htmlFor={`${ids}-term-${row.key}`}>Term, entry {i + 1}</label>
                  <input
                    id={`${ids}-term-${row.key}`}
                    name={`entries[${i}].coded.term`}
                    value={row.term}
                    onChange={(e) => update(row.key, { term: e.target.value })}
                    {...term.props}
                  />
                  {term.node}
                </div>
                {draft.rows.length > 1 ? (
                  <button
                    type="button"
                    onClick={() => setDraft({ ...draft, rows: draft.rows.filter((r) => r.key !== row.key) })}
                  >
                    Remove entry {i + 1}
                  </button>
                ) : null}
              </div>
            );
          })}
          <button
            type="button"
            onClick={() =>
              setDraft({
                ...draft,
                rows: [...draft.rows, { key: Math.max(...draft.rows.map((r) => r.key)) + 1, code: '', term: '' }],
              })
            }
          >
            Add a coded entry
          </button>
        </fieldset>
        <button type="submit" disabled={fetching}>
          Record
        </button>
        {apiError && !apiField?.includes('entries') && apiField !== 'input.nhsNumber' ? (
          <p role="alert" className="error" data-code={apiError.code}>
            {apiError.text}
          </p>
        ) : null}
        {touched && (nhsProblem || problems.some((p) => p.code || p.term)) ? (
          <p role="alert" className="error">
            Some entries need correcting: see the marked fields.
          </p>
        ) : null}
      </form>
    </article>
  );
}

function Explanation({ entry }: { entry: string }) {
  const [{ data }] = useQuery({ query: ExplainWriteBackQuery, variables: { entryId: entry } });
  const why = data?.explainWriteBack;
  if (!why) return null;
  return (
    <ul className="explanation" aria-label="Why it is blocked">
      {why.reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}

/** A hub consultation: entries, save, and each entry's write-back live from `writeBackEvents`. */
export function HubConsultationPage({ id, hub }: { id: string; hub: HubClient }) {
  const [{ data, error }, reexecute] = useQuery({ query: HubConsultationQuery, variables: { id } });
  const [, save] = useMutation(SaveConsultationMutation);
  const [saveError, setSaveError] = useState<ShownError | null>(null);
  const c = data?.hubConsultation;
  const practice = c?.patient?.registeredPractice.odsCode ?? null;

  // Live write-back: resubscribes after a drop and reloads the consultation on each of its events.
  useEffect(() => {
    if (!practice) return;
    let stopped = false;
    let cursor: string | null = null;
    let current: { unsubscribe(): void } | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      if (stopped) return;
      current = hub.urql
        .subscription(
          WriteBackEventsSubscription,
          cursor ? { organisation: practice, after: cursor } : { organisation: practice },
        )
        .subscribe((result) => {
          if (result.error) {
            current?.unsubscribe();
            if (!isUnauthenticated(result.error)) timer = setTimeout(start, 1000);
            return;
          }
          const message = result.data?.writeBackEvents;
          if (message?.__typename === 'WriteBackEvent') {
            cursor = message.cursor;
            if (message.consultationId === id) reexecute({ requestPolicy: 'network-only' });
          } else if (message?.__typename === 'WriteBackResyncRequired') {
            reexecute({ requestPolicy: 'network-only' });
          }
        });
      reexecute({ requestPolicy: 'network-only' });
    };
    start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      current?.unsubscribe();
    };
  }, [hub, practice, id, reexecute]);

  const shown = showError(error);
  if (!c)
    return shown ? (
      <p role="alert" className="error">
        {shown.text}
      </p>
    ) : (
      <p>Loading the consultation…</p>
    );

  const doSave = () => {
    setSaveError(null);
    void save({
      input: { consultationId: c.id, expectedRevision: c.revision, idempotencyKey: crypto.randomUUID() },
    }).then((result) => setSaveError(showError(result.error)));
  };

  return (
    <article aria-labelledby="hc-heading" className="hub-consultation">
      <h1 id="hc-heading">Hub consultation{c.patient ? ` — ${c.patient.givenName} ${c.patient.familyName}` : ''}</h1>
      <p>
        <span data-testid="hc-state">{human(c.state)}</span> · revision {c.revision} · {c.location}
        {c.patient ? ` · write-back to ${c.patient.registeredPractice.name}` : ''}
      </p>
      <table className="items">
        <caption className="muted">Entries and their write-back to the registered practice</caption>
        <thead>
          <tr>
            <th scope="col">SNOMED CT</th>
            <th scope="col">Term</th>
            <th scope="col">Write-back</th>
          </tr>
        </thead>
        <tbody>
          {c.entries.map((e) => (
            <tr key={e.id} data-entry={e.id}>
              <td>{e.coded?.snomedCode ?? human(e.kind)}</td>
              <td>{e.coded?.term ?? e.note?.text ?? ''}</td>
              <td data-testid="write-back" data-state={e.writeBack?.state ?? (e.unsaved ? 'UNSAVED' : 'NONE')}>
                {e.writeBack ? human(e.writeBack.state) : e.unsaved ? 'not saved yet' : '—'}
                {e.writeBack?.state === 'BLOCKED' ? <Explanation entry={e.id} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={doSave}>
        Save
      </button>
      {saveError ? (
        <div role="alert" className="error" data-code={saveError.code}>
          {saveError.code === 'CONFLICT' ? (
            <>
              Someone saved a newer version first; nothing was overwritten.{' '}
              <button type="button" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
                Reload the latest version
              </button>
            </>
          ) : (
            saveError.text
          )}
        </div>
      ) : null}
    </article>
  );
}
