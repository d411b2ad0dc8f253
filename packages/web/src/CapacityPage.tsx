import { useState, type SyntheticEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { HubCapacityQuery, SetCapacityPlanMutation } from './documents';
import { human, showError, type ShownError } from './errors';
import type { HubCapacityQuery as HubCapacityData, OverflowMode } from './gql/graphql';

type ServiceRow = HubCapacityData['hubCapacity']['services'][number];

const OVERFLOW_MODES: readonly { value: OverflowMode; label: string }[] = [
  { value: 'SHARED_TRIAGE', label: 'Shared triage: from the soft limit, practices may claim their own patients' },
  { value: 'PASS_BACK_DEFAULT', label: 'Pass back: at the hard limit, new arrivals go to the practice inbox' },
];

function overflowLabel(mode: OverflowMode | null | undefined): string {
  return mode ? human(mode) : 'none';
}

/**
 * Today's capacity per hub service with the overflow mode: the hub manager changes a service's plan
 * (planned capacity, soft and hard thresholds, overflow mode); other hub staff read it.
 */
export function CapacityPage({ canEdit }: { canEdit: boolean }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: HubCapacityQuery });
  const shown = showError(error);
  const capacity = data?.hubCapacity;
  return (
    <section className="capacity" aria-labelledby="capacity-heading">
      <h1 id="capacity-heading">Capacity today{capacity ? ` (${capacity.date})` : ''}</h1>
      {shown ? (
        <p role="alert" className="error">
          {shown.text}
        </p>
      ) : null}
      {fetching && !capacity ? <p>Loading…</p> : null}
      {capacity ? (
        <>
          <p data-testid="hub-state">
            Hub: <strong>{human(capacity.state)}</strong>, {capacity.load} open of {capacity.plannedCapacity} planned
            (soft {capacity.softThreshold}, hard {capacity.hardThreshold}); overflow mode in force:{' '}
            <strong>{overflowLabel(capacity.overflowMode)}</strong>.
          </p>
          {!canEdit ? <p className="muted">Read only: the hub manager sets capacity.</p> : null}
          <table className="capacity-table">
            <caption>Hub services</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Load</th>
                <th scope="col">State</th>
                <th scope="col">Planned</th>
                <th scope="col">Soft threshold</th>
                <th scope="col">Hard threshold</th>
                <th scope="col">Overflow mode</th>
              </tr>
            </thead>
            <tbody>
              {capacity.services.map((s) => (
                <tr key={s.service.id} data-service={s.service.name}>
                  <th scope="row">{s.service.name}</th>
                  <td data-col="load">{s.load}</td>
                  <td data-col="state">{human(s.state)}</td>
                  <td data-col="planned">{s.plan ? s.plan.plannedCapacity : 'no plan'}</td>
                  <td data-col="soft">{s.plan ? s.plan.softThreshold : '—'}</td>
                  <td data-col="hard">{s.plan ? s.plan.hardThreshold : '—'}</td>
                  <td data-col="overflow">{overflowLabel(s.plan?.overflowMode)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {canEdit
            ? capacity.services.map((s) => (
                <PlanForm
                  key={s.service.id}
                  row={s}
                  date={capacity.date}
                  onSaved={() => refetch({ requestPolicy: 'network-only' })}
                />
              ))
            : null}
        </>
      ) : null}
    </section>
  );
}

const FIELDS = ['plannedCapacity', 'softThreshold', 'hardThreshold'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_LABELS: Record<Field, string> = {
  plannedCapacity: 'Planned capacity',
  softThreshold: 'Soft threshold',
  hardThreshold: 'Hard threshold',
};

function PlanForm({ row, date, onSaved }: { row: ServiceRow; date: string; onSaved: () => void }) {
  const plan = row.plan;
  const [values, setValues] = useState<Record<Field, string>>({
    plannedCapacity: String(plan?.plannedCapacity ?? 0),
    softThreshold: String(plan?.softThreshold ?? 0),
    hardThreshold: String(plan?.hardThreshold ?? 0),
  });
  const [mode, setMode] = useState<OverflowMode>(plan?.overflowMode ?? 'SHARED_TRIAGE');
  const [problem, setProblem] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const [{ fetching }, save] = useMutation(SetCapacityPlanMutation);
  const idBase = `plan-${row.service.id.replace(/[^A-Za-z0-9_-]/g, '')}`;

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setSaved(false);
    const numbers = {} as Record<Field, number>;
    for (const field of FIELDS) {
      const n = Number(values[field]);
      if (values[field].trim() === '' || !Number.isInteger(n) || n < 0 || n > 100_000) {
        setProblem({ code: 'BAD_USER_INPUT', text: `${FIELD_LABELS[field]}: a whole number from 0 to 100000.`, field });
        return;
      }
      numbers[field] = n;
    }
    if (numbers.softThreshold > numbers.hardThreshold) {
      setProblem({
        code: 'BAD_USER_INPUT',
        text: 'Soft threshold: not above the hard threshold.',
        field: 'softThreshold',
      });
      return;
    }
    setProblem(null);
    void save({ input: { serviceId: row.service.id, date, overflowMode: mode, ...numbers } }).then((result) => {
      const shown = showError(result.error);
      if (shown) return setProblem(shown);
      setSaved(true);
      onSaved();
    });
  };

  const invalid = (field: Field) => problem?.field === field || problem?.field === `input.${field}`;
  return (
    <form className="plan-form" onSubmit={submit} noValidate aria-labelledby={`${idBase}-legend`}>
      <fieldset>
        <legend id={`${idBase}-legend`}>Plan for {row.service.name}</legend>
        {FIELDS.map((field) => (
          <p key={field}>
            <label htmlFor={`${idBase}-${field}`}>{FIELD_LABELS[field]}</label>{' '}
            <input
              id={`${idBase}-${field}`}
              name={field}
              type="number"
              inputMode="numeric"
              min={0}
              max={100000}
              required
              value={values[field]}
              aria-invalid={invalid(field) || undefined}
              aria-describedby={invalid(field) ? `${idBase}-problem` : undefined}
              onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
            />
          </p>
        ))}
        <p>
          <label htmlFor={`${idBase}-overflow`}>Overflow mode</label>{' '}
          <select id={`${idBase}-overflow`} value={mode} onChange={(e) => setMode(e.target.value as OverflowMode)}>
            {OVERFLOW_MODES.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </p>
        <button type="submit" disabled={fetching}>
          {fetching ? 'Saving…' : `Save plan for ${row.service.name}`}
        </button>
        {problem ? (
          <p role="alert" className="error" id={`${idBase}-problem`}>
            {problem.text}
          </p>
        ) : null}
        {saved ? (
          <p role="status" className="ok">
            Saved.
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
