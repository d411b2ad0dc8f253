import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { InboxQuery } from './documents';
import { human, showError } from './errors';
import { age, FOLDER_LABELS, FOLDER_ORDER, isOverdue, nhsNumber, patientName, urgencyText, when } from './format';
import type { InboxFilter, InboxFolder, InboxOrder } from './gql/graphql';
import type { LiveInbox } from './live';
import { navigate } from './router';

const ORDERS: { value: InboxOrder; label: string }[] = [
  { value: 'OLDEST', label: 'Oldest first' },
  { value: 'URGENCY', label: 'Most urgent first' },
  { value: 'RED_FLAGS', label: 'Most red flags first' },
  { value: 'OVERDUE', label: 'Most overdue first' },
];

export function InboxPage({
  organisation,
  isPractice,
  live,
  params,
}: {
  organisation: string;
  isPractice: boolean;
  live: LiveInbox;
  params: URLSearchParams;
}) {
  const folder = (params.get('folder') ?? 'ALL_OPEN') as InboxFolder;
  const orderBy = (params.get('order') ?? 'OLDEST') as InboxOrder;
  const flags = params.get('flags');
  const mine = params.get('mine') === '1';
  const unmatched = params.get('unmatched') === '1';
  const shared = params.get('shared') === '1';
  const type = params.get('type');

  const filter: InboxFilter = { folder };
  if (flags === 'yes') filter.hasRedFlags = true;
  if (mine) filter.assignedToMe = true;
  if (unmatched) filter.unmatched = true;
  if (shared && isPractice) filter.sharedFromHub = true;
  if (type === 'CLINICAL' || type === 'ADMIN') filter.type = type;

  const [first, setFirst] = useState(100);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: InboxQuery,
    variables: { organisation, filter, orderBy, first },
  });
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refetch = useCallback(() => {
    clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => reexecute({ requestPolicy: 'network-only' }), 120);
  }, [reexecute]);
  useEffect(() => () => clearTimeout(refetchTimer.current), []);

  // Every live event (and every (re)subscription) reloads the page of the inbox: exact, never doubled.
  const firstVersion = useRef(live.version);
  useEffect(() => {
    if (live.version !== firstVersion.current) refetch();
  }, [live.version, refetch]);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(name);
    else next.set(name, value);
    const query = next.toString();
    navigate(query ? `/?${query}` : '/');
  };

  const edges = data?.inbox.edges ?? [];
  const counts = new Map((data?.inbox.folderCounts ?? []).map((c) => [c.folder as string, c.count]));
  const shown = showError(error);

  // Keyboard: arrows (or j/k) move between rows, Home/End jump, Enter opens.
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const [active, setActive] = useState(0);
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) => {
    const move = (to: number) => {
      e.preventDefault();
      const target = Math.max(0, Math.min(edges.length - 1, to));
      setActive(target);
      rows.current[target]?.focus();
    };
    if (e.key === 'ArrowDown' || e.key === 'j') move(index + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') move(index - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(edges.length - 1);
    else if (e.key === 'Enter') {
      e.preventDefault();
      navigate(`/consultations/${encodeURIComponent(id)}`);
    }
  };

  return (
    <div className="inbox">
      <nav aria-label="Folders" className="folders">
        <h2>Folders</h2>
        <ul>
          {FOLDER_ORDER.filter((f) => counts.has(f) || f === folder).map((f) => (
            <li key={f}>
              <a
                href={`/?folder=${f}`}
                aria-current={f === folder ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setParam('folder', f);
                }}
              >
                <span>{FOLDER_LABELS[f]}</span>{' '}
                <span className="count" data-folder={f}>
                  {counts.get(f) ?? 0}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="list" aria-labelledby="inbox-heading">
        <h1 id="inbox-heading">
          {FOLDER_LABELS[folder] ?? human(folder)} <span className="muted">({counts.get(folder) ?? edges.length})</span>
        </h1>
        <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
          <label>
            Order
            <select value={orderBy} onChange={(e) => setParam('order', e.target.value)}>
              {ORDERS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Type
            <select value={type ?? ''} onChange={(e) => setParam('type', e.target.value || null)}>
              <option value="">Clinical and admin</option>
              <option value="CLINICAL">Clinical</option>
              <option value="ADMIN">Admin</option>
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={flags === 'yes'}
              onChange={(e) => setParam('flags', e.target.checked ? 'yes' : null)}
            />{' '}
            Red flags only
          </label>
          <label>
            <input type="checkbox" checked={mine} onChange={(e) => setParam('mine', e.target.checked ? '1' : null)} />{' '}
            Assigned to me
          </label>
          <label>
            <input
              type="checkbox"
              checked={unmatched}
              onChange={(e) => setParam('unmatched', e.target.checked ? '1' : null)}
            />{' '}
            Unmatched only
          </label>
          {isPractice ? (
            <label>
              <input
                type="checkbox"
                checked={shared}
                onChange={(e) => setParam('shared', e.target.checked ? '1' : null)}
              />{' '}
              Our patients in the hub queue
            </label>
          ) : null}
        </form>
        {live.resync ? (
          <p role="status" className="notice">
            {live.resync}{' '}
            <button type="button" onClick={live.dismissResync}>
              Dismiss
            </button>
          </p>
        ) : null}
        {shown ? (
          <p role="alert" className="error">
            {shown.text}
          </p>
        ) : null}
        {fetching && !data ? <p>Loading the inbox…</p> : null}
        {data && edges.length === 0 ? <p>No consultations in this folder.</p> : null}
        {edges.length > 0 ? (
          <table className="items" aria-describedby="keys-help">
            <caption id="keys-help" className="muted">
              Use the arrow keys (or j and k) to move between consultations and Enter to open one.
            </caption>
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Practice</th>
                <th scope="col">Age</th>
                <th scope="col">Urgency</th>
                <th scope="col">Red flags</th>
                <th scope="col">Response by</th>
                <th scope="col">State</th>
                <th scope="col">Locked by</th>
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node }, index) => {
                const overdue = isOverdue(node);
                return (
                  <tr
                    key={node.id}
                    ref={(el) => {
                      rows.current[index] = el;
                    }}
                    data-id={node.id}
                    tabIndex={index === active ? 0 : -1}
                    onFocus={() => setActive(index)}
                    onKeyDown={(e) => onRowKey(e, index, node.id)}
                    className={overdue ? 'overdue' : undefined}
                  >
                    <td>
                      <a
                        href={`/consultations/${encodeURIComponent(node.id)}`}
                        tabIndex={-1}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate(`/consultations/${encodeURIComponent(node.id)}`);
                        }}
                      >
                        {patientName(node)}
                      </a>
                      <div className="muted">
                        {nhsNumber(node) ?? 'no NHS number'} · {node.template}
                      </div>
                      {node.triageNotes ? <div className="notes">Hub's notes: {node.triageNotes}</div> : null}
                    </td>
                    <td>{node.originatingPractice.name}</td>
                    <td>{age(node.submittedAt)}</td>
                    <td>{urgencyText(node.urgency)}</td>
                    <td>
                      {node.redFlagCount > 0 ? (
                        <strong className="flag">
                          {node.redFlagCount} red flag{node.redFlagCount > 1 ? 's' : ''}
                        </strong>
                      ) : (
                        'none'
                      )}
                    </td>
                    <td>
                      {when(node.responseExpectedBy)}
                      {overdue ? <strong className="overdue-tag"> Overdue</strong> : null}
                    </td>
                    <td>{human(node.state)}</td>
                    <td className="lock">{node.lock ? node.lock.holder : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
        {data?.inbox.pageInfo.hasNextPage && first < 200 ? (
          <button type="button" onClick={() => setFirst(200)}>
            Show more
          </button>
        ) : null}
      </section>
      <aside className="activity" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Live activity</h2>
        <ol aria-live="polite">
          {live.activity.map((a) => (
            <li key={a.seq} data-seq={a.seq}>
              {a.text}
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}
