import type { InboxItemFragment } from './gql/graphql';
import { human } from './errors';

export const FOLDER_LABELS: Record<string, string> = {
  ALL_OPEN: 'All open',
  OVERDUE: 'Overdue',
  AWAITING_TRIAGE: 'Awaiting triage',
  IN_TRIAGE: 'In triage',
  URGENT: 'Urgent',
  CLINICAL: 'Clinical',
  ADMIN: 'Admin',
  UNMATCHED: 'Unmatched',
  HUB_SERVICE_QUEUE: 'Hub service queue',
  ADMIN_QUEUE: 'Admin queue',
  IN_PROGRESS: 'In progress',
  PASSED_TO_PRACTICE: 'Passed to practice',
  SIGNPOSTED: 'Signposted',
  COMPLETE: 'Complete',
  CANCELLED: 'Cancelled',
};

export const FOLDER_ORDER = Object.keys(FOLDER_LABELS);

const OPEN_STATES = new Set([
  'RECEIVED',
  'UNMATCHED',
  'AWAITING_TRIAGE',
  'IN_TRIAGE',
  'URGENT_ESCALATION',
  'HUB_SERVICE_QUEUE',
  'ADMIN_QUEUE',
  'IN_PROGRESS',
]);

export function isOpen(state: string): boolean {
  return OPEN_STATES.has(state);
}

export function patientName(item: Pick<InboxItemFragment, 'patient' | 'submittedPatient'>): string {
  const p = item.patient ?? item.submittedPatient;
  return p ? `${p.givenName} ${p.familyName}` : 'Patient not shown';
}

export function nhsNumber(item: Pick<InboxItemFragment, 'patient' | 'submittedPatient'>): string | null {
  const n = (item.patient ?? item.submittedPatient)?.nhsNumber;
  return n ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : null;
}

/** "5 min", "3 h", "2 d" since `iso`. */
export function age(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

export function when(iso: string | null | undefined): string {
  return iso ? DATE_TIME.format(new Date(iso)) : '—';
}

export function urgencyText(urgency: string | null | undefined): string {
  return urgency ? human(urgency) : 'not set';
}

export function isOverdue(item: Pick<InboxItemFragment, 'responseExpectedBy' | 'state'>, now = Date.now()): boolean {
  return !!item.responseExpectedBy && Date.parse(item.responseExpectedBy) < now && isOpen(item.state);
}
