import { useEffect, useId, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useMutation, useQuery, type UseMutationExecute } from 'urql';
import type { CombinedError } from '@urql/core';
import {
  CancelMutation,
  ClaimMutation,
  CompleteMutation,
  ConsultationQuery,
  HubServicesQuery,
  MatchPatientMutation,
  OverrideLockMutation,
  PassBackMutation,
  PullToHubMutation,
  ReleaseMutation,
  SignpostMutation,
} from './documents';
import { human, showError, type ShownError } from './errors';
import { isOpen, isOverdue, nhsNumber, patientName, urgencyText, when } from './format';
import type { ContactMode, SignpostDestination, SignpostTeam, Urgency, ViewerQuery } from './gql/graphql';
import type { LiveInbox } from './live';
import { navigate } from './router';
import { Attachments } from './Attachments';

type Viewer = ViewerQuery['viewer'];

const TEAMS: SignpostTeam[] = [
  'ANP',
  'GP',
  'NURSE',
  'PHARMACIST',
  'PARAMEDIC',
  'PHYSIOTHERAPIST',
  'MENTAL_HEALTH',
  'SOCIAL_PRESCRIBER',
  'CARE_COORDINATOR',
  'ADMIN',
  'OTHER',
];
const URGENCIES: Urgency[] = ['WITHIN_24_HOURS', 'SAME_DAY', 'WITHIN_3_DAYS', 'WITHIN_5_DAYS', 'ROUTINE'];
const MODES: ContactMode[] = ['TELEPHONE', 'FACE_TO_FACE', 'VIDEO', 'ONLINE_MESSAGE', 'SMS', 'EMAIL', 'HOME_VISIT'];
const DESTINATIONS: SignpostDestination[] = [
  'HUB_SERVICE_QUEUE',
  'ADMIN_QUEUE',
  'URGENT_ESCALATION',
  'SIGNPOSTED_EXTERNAL',
  'CLOSED_REMOTELY',
];

/** A form for one action, its fields marked when the API names one at fault (`extensions.field`). */
function ActionForm({
  title,
  submit,
  onSubmit,
  error,
  children,
  danger,
}: {
  title: string;
  submit: string;
  onSubmit: (form: FormData) => void;
  error: ShownError | null;
  children?: ReactNode;
  danger?: boolean;
}) {
  const errorId = useId();
  const ref = useRef<HTMLFormElement>(null);
  // Mark the field the API named: aria-invalid plus the message as its description.
  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    for (const el of form.querySelectorAll('[name]')) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-errormessage');
    }
    const field = error?.field?.split('.').pop();
    if (!field) return;
    const el = form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (el) {
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-errormessage', errorId);
    }
  }, [error, errorId]);
  return (
    <form
      ref={ref}
      className={`action${danger ? ' danger' : ''}`}
      aria-label={title}
      onSubmit={(e: SyntheticEvent<HTMLFormElement>) => {
        e.preventDefault();
        onSubmit(new FormData(e.currentTarget));
      }}
    >
      <h3>{title}</h3>
      {children}
      <button type="submit">{submit}</button>
      {error ? (
        <p id={errorId} role="alert" className="error" data-code={error.code}>
          {error.text}
        </p>
      ) : null}
    </form>
  );
}

function Field({
  label,
  name,
  multiline,
  required,
  placeholder,
}: {
  label: string;
  name: string;
  multiline?: boolean;
  required?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} name={name} required={required} rows={3} placeholder={placeholder} />
      ) : (
        <input id={id} name={name} required={required} autoComplete="off" placeholder={placeholder} />
      )}
    </div>
  );
}

function Choice({
  label,
  name,
  options,
  value,
}: {
  label: string;
  name: string;
  options: readonly { value: string; label: string }[];
  value?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export function ConsultationPage({
  id,
  viewer,
  live,
  me,
}: {
  id: string;
  viewer: Viewer;
  live: LiveInbox;
  me: string;
}) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ConsultationQuery, variables: { id } });
  const [services] = useQuery({ query: HubServicesQuery, pause: viewer.organisation.kind !== 'HUB' });
  const [errors, setErrors] = useState<Record<string, ShownError | null>>({});
  const [done, setDone] = useState<string | null>(null);

  // Live: an event about this consultation (or a reconnect) reloads it, history included.
  const seen = useRef(live.version);
  useEffect(() => {
    if (live.version === seen.current) return;
    seen.current = live.version;
    if (live.lastConsultationId === null || live.lastConsultationId === id)
      reexecute({ requestPolicy: 'network-only' });
  }, [live.version, live.lastConsultationId, id, reexecute]);

  const [, claim] = useMutation(ClaimMutation);
  const [, release] = useMutation(ReleaseMutation);
  const [, override] = useMutation(OverrideLockMutation);
  const [, signpost] = useMutation(SignpostMutation);
  const [, passBack] = useMutation(PassBackMutation);
  const [, pull] = useMutation(PullToHubMutation);
  const [, complete] = useMutation(CompleteMutation);
  const [, cancel] = useMutation(CancelMutation);
  const [, match] = useMutation(MatchPatientMutation);

  const run = <V extends object>(
    action: string,
    label: string,
    execute: UseMutationExecute<unknown, V>,
    variables: V,
  ) => {
    setDone(null);
    void execute(variables).then((result: { error?: CombinedError | undefined }) => {
      const shown = showError(result.error);
      setErrors((e) => ({ ...e, [action]: shown }));
      if (!shown) setDone(label);
    });
  };

  const shown = showError(error);
  if (shown && !data) {
    return (
      <div>
        <BackLink />
        <p role="alert" className="error">
          {shown.text}
        </p>
      </div>
    );
  }
  const c = data?.onlineConsultation;
  if (!c) return <p>{fetching ? 'Loading the consultation…' : 'Not found.'}</p>;

  const consultationId = c.id;
  const heldByMe = c.lock?.holder === me;
  const heldByOther = !!c.lock && !heldByMe;
  const open = isOpen(c.state);
  const isHub = viewer.organisation.kind === 'HUB';
  const ownedByPractice = c.ownerOrganisation.odsCode !== viewer.organisation.odsCode || !isHub;

  return (
    <article className="consultation" aria-labelledby="c-heading">
      <BackLink />
      <h1 id="c-heading">
        {patientName(c)} <span className="muted">— {c.template}</span>
      </h1>
      {done ? (
        <p role="status" className="ok">
          {done}.
        </p>
      ) : null}
      <dl className="summary">
        <dt>State</dt>
        <dd data-testid="state">{human(c.state)}</dd>
        <dt>Locked by</dt>
        <dd data-testid="lock">{c.lock ? `${c.lock.holder} until ${when(c.lock.expiresAt)}` : 'nobody'}</dd>
        <dt>Urgency</dt>
        <dd>{urgencyText(c.urgency)}</dd>
        <dt>Red flags</dt>
        <dd>{c.redFlagCount}</dd>
        <dt>Submitted</dt>
        <dd>{when(c.submittedAt)}</dd>
        <dt>Response by</dt>
        <dd>
          {when(c.responseExpectedBy)}
          {isOverdue(c) ? <strong className="overdue-tag"> Overdue</strong> : null}
        </dd>
        <dt>Practice</dt>
        <dd>
          {c.originatingPractice.name} ({c.originatingPractice.odsCode})
        </dd>
        <dt>Inbox</dt>
        <dd>
          {c.ownerOrganisation.name} — {human(c.routingReason)}
        </dd>
        <dt>Supplier</dt>
        <dd>
          {c.supplier} {c.supplierReference}
        </dd>
        {c.outcome ? (
          <>
            <dt>Outcome</dt>
            <dd>{c.outcome}</dd>
          </>
        ) : null}
        {c.triageNotes ? (
          <>
            <dt>Hub's notes</dt>
            <dd data-testid="triage-notes">{c.triageNotes}</dd>
          </>
        ) : null}
      </dl>

      <div className="columns">
        <section aria-labelledby="form-heading">
          <h2 id="form-heading">Triage form</h2>
          {c.redFlags.length > 0 ? (
            <div className="red-flags" role="note" aria-label="Red flags">
              <h3>Red flags</h3>
              <ul>
                {c.redFlags.map((f) => (
                  <li key={f.questionId}>{f.description}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <dl className="answers">
            {c.answers.map((a) => (
              <div
                key={a.questionId}
                className={c.redFlags.some((f) => f.questionId === a.questionId) ? 'flagged' : undefined}
              >
                <dt>{a.question}</dt>
                <dd>{a.answer}</dd>
              </div>
            ))}
          </dl>
          {c.ice ? (
            <>
              <h3>Ideas, concerns and expectations</h3>
              <dl>
                <dt>Ideas</dt>
                <dd>{c.ice.ideas ?? '—'}</dd>
                <dt>Concerns</dt>
                <dd>{c.ice.concerns ?? '—'}</dd>
                <dt>Expectations</dt>
                <dd>{c.ice.expectations ?? '—'}</dd>
              </dl>
            </>
          ) : null}
          <h3>Attachments</h3>
          <Attachments items={c.attachments} />
          <h2>Patient</h2>
          {c.patient ? (
            <p data-testid="patient">
              Matched: {c.patient.givenName} {c.patient.familyName}, NHS number {nhsNumber(c)}, born{' '}
              {c.patient.dateOfBirth}, {human(c.patient.sex)}, registered at {c.patient.registeredPractice.name}.
            </p>
          ) : (
            <p>
              Not matched to a registered patient
              {c.submittedPatient ? ` (submitted as ${patientName(c)}, born ${c.submittedPatient.dateOfBirth})` : ''}.
            </p>
          )}
          {isHub && c.patient ? (
            <p>
              <a
                href={`/hub-consultations/new?nhs=${c.patient.nhsNumber}&from=${encodeURIComponent(c.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/hub-consultations/new?nhs=${c.patient!.nhsNumber}&from=${encodeURIComponent(c.id)}`);
                }}
              >
                Record a hub consultation for this patient
              </a>
            </p>
          ) : null}
          <h2>History</h2>
          <ol className="history">
            {c.history.map((h) => (
              <li key={`${h.at}-${h.action}`}>
                {when(h.at)}: {human(h.action)} by {h.actorId} ({human(h.from)} → {human(h.to)})
                {h.reason ? ` — ${h.reason}` : ''}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="actions-heading" className="actions">
          <h2 id="actions-heading">Actions</h2>
          {!open ? <p>This consultation is closed.</p> : null}
          {open && !heldByMe && !heldByOther ? (
            <ActionForm
              title="Claim"
              submit="Claim"
              error={errors.claim ?? null}
              onSubmit={() => run('claim', 'Claimed', claim, { input: { consultationId } })}
            />
          ) : null}
          {heldByOther ? (
            <>
              <p role="note" className="held">
                {c.lock!.holder} is working on this consultation.
              </p>
              <ActionForm
                title="Take over the lock"
                submit="Take over"
                danger
                error={errors.override ?? null}
                onSubmit={(f) =>
                  run('override', 'Lock taken over', override, { input: { consultationId, reason: text(f, 'reason') } })
                }
              >
                <Field label="Reason for taking over" name="reason" required />
              </ActionForm>
            </>
          ) : null}
          {heldByMe ? (
            <>
              <ActionForm
                title="Release"
                submit="Release"
                error={errors.release ?? null}
                onSubmit={() => run('release', 'Released', release, { input: { consultationId } })}
              />
              <ActionForm
                title="Signpost"
                submit="Signpost"
                error={errors.signpost ?? null}
                onSubmit={(f) =>
                  run('signpost', 'Signposted', signpost, {
                    input: {
                      consultationId,
                      team: text(f, 'team') as SignpostTeam,
                      urgency: text(f, 'urgency') as Urgency,
                      mode: text(f, 'mode') as ContactMode,
                      destination: text(f, 'destination') as SignpostDestination,
                      serviceId: text(f, 'serviceId') || null,
                      comment: text(f, 'comment') || null,
                    },
                  })
                }
              >
                <Choice
                  label="Destination"
                  name="destination"
                  options={DESTINATIONS.map((d) => ({ value: d, label: human(d) }))}
                />
                <Choice
                  label="Hub service (for a hub service queue)"
                  name="serviceId"
                  options={[
                    { value: '', label: 'None' },
                    ...(services.data?.hubServices ?? []).map((s) => ({ value: s.id, label: s.name })),
                  ]}
                />
                <Choice label="Team" name="team" options={TEAMS.map((t) => ({ value: t, label: human(t) }))} />
                <Choice
                  label="Urgency"
                  name="urgency"
                  value="ROUTINE"
                  options={URGENCIES.map((u) => ({ value: u, label: human(u) }))}
                />
                <Choice label="Contact mode" name="mode" options={MODES.map((m) => ({ value: m, label: human(m) }))} />
                <Field label="Comment" name="comment" multiline />
              </ActionForm>
              <ActionForm
                title="Pass back to the practice"
                submit="Pass back"
                error={errors.passBack ?? null}
                onSubmit={(f) =>
                  run('passBack', 'Passed back to the practice', passBack, {
                    input: { consultationId, reason: text(f, 'reason'), triageNotes: text(f, 'triageNotes') },
                  })
                }
              >
                <Field label="Reason" name="reason" />
                <Field label="Notes for the practice" name="triageNotes" multiline />
              </ActionForm>
              <ActionForm
                title="Complete"
                submit="Complete"
                error={errors.complete ?? null}
                onSubmit={(f) =>
                  run('complete', 'Completed', complete, { input: { consultationId, outcome: text(f, 'outcome') } })
                }
              >
                <Field label="Outcome" name="outcome" placeholder="e.g. advice given" />
              </ActionForm>
              <ActionForm
                title="Cancel the consultation"
                submit="Cancel consultation"
                danger
                error={errors.cancel ?? null}
                onSubmit={(f) =>
                  run('cancel', 'Cancelled', cancel, { input: { consultationId, reason: text(f, 'reason') } })
                }
              >
                <Field label="Reason for cancelling" name="reason" />
              </ActionForm>
            </>
          ) : null}
          {open && c.state === 'UNMATCHED' ? (
            <ActionForm
              title="Match the patient"
              submit="Match"
              error={errors.match ?? null}
              onSubmit={(f) =>
                run('match', 'Patient matched', match, {
                  input: { consultationId, patientNhsNumber: text(f, 'patientNhsNumber').replace(/\s/g, '') },
                })
              }
            >
              <Field label="NHS number of the registered patient" name="patientNhsNumber" />
            </ActionForm>
          ) : null}
          {open && ownedByPractice ? (
            <ActionForm
              title="Pull to the hub"
              submit="Pull to hub"
              error={errors.pull ?? null}
              onSubmit={(f) =>
                run('pull', 'Pulled to the hub', pull, { input: { consultationId, reason: text(f, 'reason') || null } })
              }
            >
              <Field label="Reason (optional)" name="reason" />
            </ActionForm>
          ) : null}
        </section>
      </div>
    </article>
  );
}

function BackLink() {
  return (
    <p>
      <a
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        ← Back to the inbox
      </a>
    </p>
  );
}
