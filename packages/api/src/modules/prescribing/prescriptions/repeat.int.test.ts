import { isValidShortFormPrescriptionId } from '@pcn-hub/schema';
import { expect, it } from 'vitest';
import { fromGlobalId } from '../../../platform/graphql/relay.js';
import { codeOf, describeEachDatabase, type GqlResult } from '../../../test/harness.js';
import {
  CANCEL,
  GET,
  ISSUE,
  ISSUE_AT_PRACTICE,
  REJECT,
  footprint,
  item,
  must,
  patientAt,
  raise,
  type PrescriptionView,
} from '../prescribing.testkit.js';

type Page = {
  prescriptions: {
    edges: { node: { id: string; state: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
const LIST =
  'query ($filter: PrescriptionFilter, $after: String) { prescriptions(filter: $filter, first: 2, after: $after) { edges { node { id state } } pageInfo { hasNextPage endCursor } } }';

describeEachDatabase('prescribing: repeats go to the registered practice', (hub) => {
  const raiseRepeat = (practice: number, n: number) =>
    raise(hub(), 'hub.anp1', { nhsNumber: patientAt(practice, n), items: [item(), item()], courseOfTherapy: 'REPEAT' });

  it('sends a repeat to the practice, which issues it under its own code; the hub cannot issue it', async () => {
    const pending = await raiseRepeat(2, 1);
    expect(pending.state).toBe('PENDING_PRACTICE_RECONCILIATION');
    expect(pending.history.map((h) => [h.action, h.fromState, h.toState])).toEqual([
      ['RAISE', null, 'RAISED'],
      ['SEND_TO_PRACTICE', 'RAISED', 'PENDING_PRACTICE_RECONCILIATION'],
    ]);

    const before = await footprint(hub());
    const atHub = await hub().gql(ISSUE, { id: pending.id }, 'hub.anp1');
    expect(codeOf(atHub)).toBe('INVALID_TRANSITION');
    expect(atHub.errors![0]!.extensions).toMatchObject({
      rule: 'REPEAT_ISSUED_BY_PRACTICE',
      from: 'PENDING_PRACTICE_RECONCILIATION',
      to: 'ISSUED',
    });
    expect(atHub.errors![0]!.message).toContain('registered practice');
    // Another practice does not see it; a practice admin may not issue.
    expect(codeOf(await hub().gql(ISSUE_AT_PRACTICE, { id: pending.id }, 'p1.gp'))).toBe('NOT_FOUND');
    expect(codeOf(await hub().gql(ISSUE_AT_PRACTICE, { id: pending.id }, 'p2.admin'))).toBe('FORBIDDEN');
    expect(await footprint(hub())).toEqual(before);

    const issued = (
      await must(
        hub().gql<{ issueRepeatAtPractice: { prescription: PrescriptionView } }>(
          ISSUE_AT_PRACTICE,
          { id: pending.id },
          'p2.gp',
        ),
      )
    ).issueRepeatAtPractice.prescription;
    expect(issued).toMatchObject({ state: 'ISSUED', issuerOds: 'Y99012', prescriberCode: null });
    expect(isValidShortFormPrescriptionId(issued.shortFormId!)).toBe(true);
    expect(issued.shortFormId!.slice(7, 13)).toBe('Y99012');
    expect(issued.history.at(-1)).toMatchObject({
      action: 'ISSUE_AT_PRACTICE',
      fromState: 'PENDING_PRACTICE_RECONCILIATION',
      toState: 'ISSUED',
      actorId: 'p2.gp',
    });

    // Both the hub and the practice see the same state and history, and both streams carry the events.
    const viewHub = (await must(hub().gql<{ prescription: PrescriptionView }>(GET, { id: pending.id }, 'hub.manager')))
      .prescription;
    const viewPractice = (await must(hub().gql<{ prescription: PrescriptionView }>(GET, { id: pending.id }, 'p2.gp')))
      .prescription;
    expect(viewHub.history).toEqual(viewPractice.history);
    expect(viewPractice.patient).not.toBeNull();
    const [ids] = await hub().sql<{ hub_id: string; registered_practice_id: string }>(
      'select hub_id, registered_practice_id from prescription where id = ?',
      [fromGlobalId(pending.id)!.id],
    );
    for (const org of [ids!.hub_id, ids!.registered_practice_id]) {
      const types = await hub().sql<{ type: string }>(
        'select type from event_log where stream = ? and subject_id = ? order by seq',
        [`prescribing:${org}`, fromGlobalId(pending.id)!.id],
      );
      expect(types.map((t) => t.type)).toEqual([
        'PRESCRIPTION_RAISED',
        'PRESCRIPTION_SENT_TO_PRACTICE',
        'PRESCRIPTION_ISSUED_AT_PRACTICE',
      ]);
    }

    // The practice cancels what it issued; the hub's prescribers may not.
    expect(codeOf(await hub().gql(CANCEL, { id: pending.id, reason: 'x' }, 'hub.anp1'))).toBe('FORBIDDEN');
    const cancelled = await must(
      hub().gql<{ cancelPrescription: { prescription: PrescriptionView } }>(
        CANCEL,
        { id: pending.id, reason: 'Duplicate' },
        'p2.gp',
      ),
    );
    expect(cancelled.cancelPrescription.prescription.state).toBe('CANCELLED');
  });

  it('lets the practice reject a repeat with a reason; it cannot then be issued', async () => {
    const pending = await raiseRepeat(3, 1);
    expect(codeOf(await hub().gql(REJECT, { id: pending.id, reason: '' }, 'p3.gp'))).toBe('BAD_USER_INPUT');
    const rejected = await must(
      hub().gql<{ rejectPrescription: { prescription: PrescriptionView } }>(
        REJECT,
        { id: pending.id, reason: 'Medication review due' },
        'p3.gp',
      ),
    );
    expect(rejected.rejectPrescription.prescription).toMatchObject({
      state: 'REJECTED',
      statusReason: 'Medication review due',
    });
    const again = await hub().gql(ISSUE_AT_PRACTICE, { id: pending.id }, 'p3.gp');
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
    expect(again.errors![0]!.extensions).toMatchObject({ from: 'REJECTED', to: 'ISSUED' });
  });

  it('lets the hub withdraw a pending repeat, and refuses acute prescriptions at the practice', async () => {
    const pending = await raiseRepeat(4, 1);
    expect(codeOf(await hub().gql(CANCEL, { id: pending.id, reason: 'Raised in error' }, 'p4.gp'))).toBe('FORBIDDEN');
    const withdrawn = await must(
      hub().gql<{ cancelPrescription: { prescription: PrescriptionView } }>(
        CANCEL,
        { id: pending.id, reason: 'Raised in error' },
        'hub.anp1',
      ),
    );
    expect(withdrawn.cancelPrescription.prescription.state).toBe('CANCELLED');

    const acute = await raise(hub(), 'hub.anp1', {
      nhsNumber: patientAt(4, 2),
      items: [item()],
      courseOfTherapy: 'ACUTE',
    });
    const res = await hub().gql(ISSUE_AT_PRACTICE, { id: acute.id }, 'p4.gp');
    expect(codeOf(res)).toBe('INVALID_TRANSITION');
    expect(res.errors![0]!.extensions!.rule).toBe('ACUTE_ISSUED_BY_HUB');
  });

  it("pages each organisation's prescriptions with keyset cursors, no overlap, audited per row", async () => {
    for (let n = 10; n < 13; n += 1) await raiseRepeat(5, n);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: GqlResult<Page> = await hub().gql<Page>(
        LIST,
        { after, filter: { courseOfTherapy: 'REPEAT' } },
        'p5.gp',
      );
      expect(res.errors).toBeUndefined();
      seen.push(...res.data!.prescriptions.edges.map((e) => e.node.id));
      after = res.data!.prescriptions.pageInfo.hasNextPage ? res.data!.prescriptions.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    const [audited] = await hub().sql<{ n: number }>(
      "select count(distinct subject_id)::int as n from audit_event where actor_id = 'p5.gp' and action = 'readPrescription'",
    );
    expect(audited!.n).toBe(3);
    // Another practice's list does not contain them; the hub's does.
    const p1 = await must(hub().gql<Page>(LIST, { filter: { registeredPracticeOdsCode: 'Y99015' } }, 'p1.gp'));
    expect(p1.prescriptions.edges).toEqual([]);
    const atHub = await must(
      hub().gql<Page>(
        LIST,
        { filter: { registeredPracticeOdsCode: 'Y99015', states: ['PENDING_PRACTICE_RECONCILIATION'] } },
        'hub.manager',
      ),
    );
    expect(atHub.prescriptions.edges.length).toBe(2);
  });
});
