import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLUGIN_SCOPES } from '@pcn-hub/schema';
import { describeEachDatabase, seedForeignPcn, type GqlResult } from '../test/harness.js';
import { demoPatient } from '../seed/demo.js';
import { fromGlobalId, toGlobalId } from '../platform/graphql/relay.js';
import { upload } from '../modules/attachments/attachments.testkit.js';

/** The foreign online consultation's photo. */
const PHOTO = randomBytes(2048);
import type { Role } from '../platform/auth/roles.js';
import { asPlugin, registerPlugin } from '../modules/plugins/plugins.testkit.js';
import {
  buildRequest,
  deriveByIdFields,
  loadSchema,
  slotKey,
  type ByIdField,
  type IdSlot,
} from './tenant-isolation.generator.js';

/**
 * Tenant isolation, generated from the schema: every root Query and Mutation field that names an
 * object by id or an organisation by ODS code is called, by actors of every kind, with (a) an
 * object or organisation of another tenant and (b) a well-formed id or code that names nothing.
 * Both must get the same answer (same status, data, error codes, messages and extensions once the
 * id itself is masked): anything else tells the caller that the other tenant's object exists, or
 * acts on it. New by-id fields are covered without editing this file; the coverage check fails
 * when one is neither exercised nor listed in EXCEPTIONS.
 */

// ---------------------------------------------------------------------------------------------
// Exceptions: id-like arguments this comparison cannot test. Each names a slot
// `Type.field(path)`; the suite fails when one no longer exists, so the list cannot rot.
// ---------------------------------------------------------------------------------------------
const EXCEPTIONS: Record<string, string> = {
  'Mutation.addPractice(input.odsCode)':
    'names the practice being created, not an existing organisation: an unknown code is the success case',
  'Mutation.setPrescribingCostCentre(input.odsCode)':
    'names the cost centre being created (a new code retires the current one), not an existing organisation',
  'Mutation.setPrescribingCostCentre(input.parentCommissionerCode)':
    'a commissioner (ICB) code outside the hub: nothing of any tenant is looked up by it',
  'Mutation.raisePrescription(input.nominatedDispenserOds)':
    "a community pharmacy's code, stored as given: nothing of any tenant is looked up by it",
};

/** Fields where another practice of the viewer's own PCN is legitimately visible by ODS code. */
const PCN_WIDE_ODS_FIELDS = new Set(['Query.organisation']);

// ---------------------------------------------------------------------------------------------
// Actors: one of every kind of tenant member. `plugin` is a demo-PCN plugin (every scope) acting
// for the hub.
// ---------------------------------------------------------------------------------------------
const PRACTICE_ACTORS = ['p1.gp', 'p1.admin'] as const;
const HUB_ACTORS = ['hub.manager', 'hub.anp1', 'hub.coord1'] as const;
const ACTORS = [...HUB_ACTORS, ...PRACTICE_ACTORS, 'pcn.analyst', 'oc.supplier', 'plugin'] as const;
type Actor = (typeof ACTORS)[number];
const ALL: readonly Actor[] = ACTORS;
const PRACTICE_1: readonly Actor[] = PRACTICE_ACTORS;

/** The organisation each actor acts for. */
const ORG_OF: Record<Actor, string> = {
  'hub.manager': 'Y99000',
  'hub.anp1': 'Y99000',
  'hub.coord1': 'Y99000',
  'p1.gp': 'Y99011',
  'p1.admin': 'Y99011',
  'pcn.analyst': 'U99001',
  'oc.supplier': 'Y99000',
  plugin: 'Y99000',
};

/** ODS codes of other tenants, per actor, and a well-formed code no organisation has. */
const FOREIGN_PCN_CODES = ['Y99021', 'Y99020', 'U99002'];
const SAME_PCN_OTHER_PRACTICE_CODES = ['Y99012', 'Y99000'];
const UNKNOWN_ODS = 'Y99999';
/** Another unknown code, for a second code argument (an agreement's other side). */
const OTHER_UNKNOWN_ODS = 'Y99998';
/** A third practice of the demo PCN: neither the practice actor's own nor the one compared. */
const THIRD_PRACTICE_ODS = 'Y99013';

/** An object of some tenant, by the id a client would send, and who must not see it. */
interface Fixture {
  readonly kind: string;
  readonly value: string;
  readonly label: string;
  readonly foreignTo: readonly Actor[];
}
/** An object an actor may use: fills the other id arguments of a field on a second pass. */
interface Own {
  readonly kind: string;
  readonly value: string;
  readonly ownTo: readonly Actor[];
}

/** Kinds whose id is not a global id: the value a client sends is a raw key. */
const RAW_KINDS: Record<string, () => string> = {
  PluginApiKey: () => randomBytes(12).toString('hex'),
  WriteBackMessageId: () => randomUUID(),
};
const missingOf = (kind: string): string => (RAW_KINDS[kind] ? RAW_KINDS[kind]() : toGlobalId(kind, randomUUID()));
const PROBE_KIND = 'TenantIsolationProbe';

const FOREIGN = {
  pcnOds: 'U99002',
  hubOds: 'Y99020',
  practiceOds: 'Y99021',
  hubId: '01900000-0000-7000-8000-000000000010',
  users: {
    manager: ['f.manager', 'HUB', ['HUB_MANAGER']],
    anp: ['f.anp', 'HUB', ['HUB_CLINICIAN', 'HUB_PRESCRIBER']],
    coord: ['f.coord', 'HUB', ['HUB_ADMIN']],
    gp: ['f.gp', 'PRACTICE', ['PRACTICE_CLINICIAN']],
    admin: ['f.admin', 'PRACTICE', ['PRACTICE_ADMIN']],
    supplier: ['f.supplier', 'HUB', ['INTEGRATION']],
  } as Record<string, [string, 'HUB' | 'PRACTICE', Role[]]>,
};

const tomorrowAt = (hour: number, minute = 0): string => {
  const d = new Date(Date.now() + 86_400_000);
  d.setUTCHours(hour, minute, 0, 0);
  return d.toISOString();
};
const uuidOf = (globalId: string): string => {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  return decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : globalId;
};

/** Answers that do not reach the id: the actor may not use the field, or the request is malformed. */
const UNREACHED = new Set([
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'INTERNAL_SERVER_ERROR',
  'RATE_LIMITED',
]);

const schema = loadSchema();
const FIELDS = deriveByIdFields(schema);
const ALL_SLOT_KEYS = FIELDS.flatMap((f) => f.slots.map((s) => slotKey(f, s)));

describe('tenant isolation generator (schema only)', () => {
  it('derives the by-id fields from the schema', () => {
    // A floor, not a count: adding fields must not need an edit here.
    expect(FIELDS.length).toBeGreaterThan(60);
    expect(FIELDS.map((f) => f.key)).toEqual(
      expect.arrayContaining(['Query.node', 'Query.hubConsultation', 'Mutation.setOnlineConsultationRouting']),
    );
  });

  it('lists only exceptions that still exist', () => {
    expect(Object.keys(EXCEPTIONS).filter((k) => !ALL_SLOT_KEYS.includes(k))).toEqual([]);
  });

  it('builds a request that validates against the schema for every field', async () => {
    const { parse, validate } = await import('graphql');
    for (const field of FIELDS) {
      const assign = new Map(
        field.slots.map((s) => [s.path.join('.'), s.kind === 'ODS' ? UNKNOWN_ODS : missingOf('Patient')] as const),
      );
      const { query } = buildRequest(field, assign);
      expect(validate(schema, parse(query)), query).toEqual([]);
    }
  });
});

describeEachDatabase("tenant isolation: another tenant's object answers exactly like a missing one", (hub) => {
  const fixtures: Fixture[] = [];
  const owns: Own[] = [];
  let pluginKey = '';
  const tokens = new Map<string, string>();
  /** Per slot: how it was exercised. */
  const exercised = new Map<string, string[]>();
  /** Why an actor did not reach a slot: its answer for a missing id. */
  const samples = new Map<string, string>();
  /** Per slot: kinds learned from the id decoding error. */
  const learned = new Map<string, string>();

  async function as(actor: Actor, query: string, variables: Record<string, unknown>): Promise<GqlResult> {
    if (actor === 'plugin') return asPlugin(hub(), pluginKey, 'Y99000')(query, variables);
    return hub().gql(query, variables, actor);
  }

  async function foreignToken(who: keyof typeof FOREIGN.users): Promise<{ token: string }> {
    const [username, kind, roles] = FOREIGN.users[who]!;
    const org = kind === 'HUB' ? FOREIGN.hubOds : FOREIGN.practiceOds;
    const key = `${username}@${org}`;
    const claims: { sub: string; org: string; roles: Role[] } = { sub: username, org, roles };
    if (!tokens.has(key)) tokens.set(key, await hub().token(claims));
    return { token: tokens.get(key)! };
  }

  /** Runs a set-up request and returns its data; fails set-up with the errors. */
  async function must<T = any>(
    query: string,
    variables: Record<string, unknown>,
    who: string | { token: string },
  ): Promise<T> {
    const res = await hub().gql<T>(query, variables, who);
    if (res.errors?.length)
      throw new Error(
        `set-up ${query.slice(0, 80)} as ${JSON.stringify(who).slice(0, 40)}: ${JSON.stringify(res.errors)}`,
      );
    return res.data!;
  }

  /** The mutation `field(input: $i) { selection }` as `who` (its input type `<Field>Input` unless named): the payload. */
  async function mutate(
    who: string | { token: string },
    field: string,
    selection: string,
    input: Record<string, unknown>,
    inputType = `${field[0]!.toUpperCase()}${field.slice(1)}Input`,
  ): Promise<any> {
    return (await must(`mutation($i: ${inputType}!) { ${field}(input: $i) { ${selection} } }`, { i: input }, who))[
      field
    ];
  }

  const add = (kind: string, value: string | undefined | null, label: string, foreignTo: readonly Actor[]) => {
    if (value) fixtures.push({ kind, value, label, foreignTo });
  };
  const own = (kind: string, value: string | undefined | null, ownTo: readonly Actor[]) => {
    if (value) owns.push({ kind, value, ownTo });
  };
  const gid = (kind: string, id: string) => toGlobalId(kind, id);
  const ENTRY = { coded: { snomedCode: '22298006', term: 'Myocardial infarction' } };
  /** raisePrescription's input: an acute course of amoxicillin for `nhsNumber`. */
  const acuteAmoxicillin = (nhsNumber: string) => ({
    courseOfTherapy: 'ACUTE',
    nhsNumber,
    items: [
      {
        dmdCode: '39732311000001104',
        medicineName: 'Amoxicillin 250mg capsules',
        quantity: 21,
        unit: 'capsule',
        dosageText: 'One three times a day',
      },
    ],
  });
  const CONSULTATION = 'consultation { id entries { id writeBack { delivery { id messageId } } } }';

  async function buildForeignPcn(): Promise<void> {
    const base = await seedForeignPcn(hub());
    const hubId = FOREIGN.hubId;
    if ((await hub().sql("select id from organisation where ods_code = 'Y99020'")).length === 0) {
      await hub().sql(
        "insert into organisation (id, kind, ods_code, name, pcn_id, active, created_at) values (?, 'HUB', 'Y99020', 'Elsewhere PCN Hub (test)', ?, true, now())",
        [hubId, base.pcnId],
      );
    }
    for (const [sub, kind, roles] of Object.values(FOREIGN.users)) {
      await hub().sql(
        `insert into staff_user (id, username, display_name, organisation_id, roles, active, created_at) values (?, ?, ?, ?, '{${roles.join(',')}}', true, now())`,
        [randomUUID(), sub, `Foreign ${sub}`, kind === 'HUB' ? hubId : base.practiceId],
      );
    }
    const serviceId = randomUUID();
    await hub().sql(
      "insert into hub_service (id, hub_id, kind, name, active, created_at) values (?, ?, 'MINOR_ILLNESS', 'Minor Illness', true, now())",
      [serviceId, hubId],
    );
    const teamId = randomUUID();
    await hub().sql(
      "insert into hub_team (id, hub_id, name, accepts_cross_org_tasks, created_at) values (?, ?, 'Elsewhere team', true, now())",
      [teamId, hubId],
    );
    const service = gid('HubService', serviceId);
    add('HubService', service, 'foreign PCN hub service', ALL);
    add('HubTeam', gid('HubTeam', teamId), 'foreign PCN hub team', ALL);
    add('Organisation', gid('Organisation', base.practiceId), 'foreign PCN practice', ALL);
    add('Organisation', gid('Organisation', hubId), 'foreign PCN hub', ALL);
    add('Organisation', gid('Organisation', base.pcnId), 'foreign PCN', ALL);
    add('Patient', gid('Patient', base.patientId), 'foreign PCN patient', ALL);
    const [fgp] = await hub().sql<{ id: string }>("select id from staff_user where username = 'f.gp'");
    add('StaffUser', gid('StaffUser', fgp!.id), 'foreign PCN practice staff', ALL);

    const manager = await foreignToken('manager');
    const step = async (label: string, work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        // A broken set-up step leaves its kinds without a fixture; the coverage check reports them.
        console.warn(
          `[tenant-isolation] foreign PCN set-up "${label}" failed: ${(error as Error).message.slice(0, 400)}`,
        );
      }
    };
    await step('hub closure', async () => {
      // A planned window far ahead: the foreign hub's routing today is untouched.
      const startsAt = new Date(Date.now() + 30 * 86_400_000);
      const endsAt = new Date(startsAt.getTime() + 3_600_000);
      const d = await mutate(manager, 'declareHubClosure', 'closure { id }', {
        kind: 'CLOSED',
        reason: 'Foreign training',
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
      });
      add('HubClosure', d.closure.id, 'foreign PCN hub closure', ALL);
    });
    await step('hub service', async () => {
      await mutate(manager, 'setHubServiceReferralMethods', 'service { id }', {
        serviceId: service,
        methods: ['CROSS_ORGANISATION_BOOKING', 'CROSS_ORGANISATION_TASK', 'INBOX_SIGNPOST'],
      });
      await mutate(manager, 'setHubServiceDetails', 'service { id }', {
        serviceId: service,
        daysOfOperation: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'],
        requiredRoles: ['HUB_CLINICIAN'],
      });
      for (const type of ['CROSS_ORG_APPOINTMENTS', 'CROSS_ORG_TASKS'])
        await mutate(manager, 'setReferralAgreement', 'agreement { id }', {
          practiceOdsCode: FOREIGN.practiceOds,
          state: 'ACTIVE',
          type,
        });
    });
    let slot = '';
    await step('appointments', async () => {
      const type = (
        await mutate(manager, 'createSlotType', 'slotType { id }', {
          serviceId: service,
          name: 'U99002-MinorIllness-F2F',
        })
      ).slotType.id;
      const book = (
        await mutate(manager, 'createAppointmentBook', 'book { id }', { serviceId: service, name: 'Elsewhere clinic' })
      ).book.id;
      const slots = (
        await mutate(manager, 'createSlotSession', 'slots { id }', {
          bookId: book,
          slotTypeId: type,
          start: tomorrowAt(9),
          end: tomorrowAt(10),
          slotMinutes: 20,
        })
      ).slots as { id: string }[];
      add('SlotType', type, 'foreign PCN slot type', ALL);
      add('AppointmentBook', book, 'foreign PCN appointment book', ALL);
      add('Slot', slots[1]?.id, 'foreign PCN free slot', ALL);
      slot = slots[0]!.id;
    });
    await step('prescribing', async () => {
      const cc = (
        await mutate(manager, 'setPrescribingCostCentre', 'costCentre { id }', {
          odsCode: 'Y99029',
          name: 'Elsewhere prescribing (test)',
        })
      ).costCentre.id;
      add('PrescribingCostCentre', cc, 'foreign PCN cost centre', ALL);
      const prescriber = (
        await mutate(manager, 'addPrescriber', 'prescriber { id }', {
          username: 'f.anp',
          codeKind: 'PROFESSIONAL',
          code: '99A0099F',
          profession: 'NURSE',
        })
      ).prescriber.id;
      add('Prescriber', prescriber, 'foreign PCN prescriber', ALL);
      const rx = (
        await mutate(
          await foreignToken('anp'),
          'raisePrescription',
          'prescription { id }',
          acuteAmoxicillin(base.nhsNumber),
        )
      ).prescription.id;
      add('Prescription', rx, 'foreign PCN prescription', ALL);
    });
    await step('write-back agreement and consultation', async () => {
      const agreement = (
        await mutate(manager, 'requestWriteBackAgreement', 'agreement { id }', {
          sourceOdsCode: FOREIGN.hubOds,
          targetOdsCode: FOREIGN.practiceOds,
        })
      ).agreement.id;
      add('WriteBackAgreement', agreement, 'foreign PCN write-back agreement', ALL);
      await mutate(
        manager,
        'activateWriteBackAgreement',
        'agreement { state }',
        { agreementId: agreement },
        'WriteBackAgreementInput',
      );
      await mutate(
        await foreignToken('admin'),
        'activateWriteBackAgreement',
        'agreement { state }',
        { agreementId: agreement },
        'WriteBackAgreementInput',
      );
      const anp = await foreignToken('anp');
      const recorded = (
        await mutate(anp, 'recordConsultation', CONSULTATION, {
          nhsNumber: base.nhsNumber,
          entries: [ENTRY, ENTRY],
        })
      ).consultation;
      add('HubConsultation', recorded.id, 'foreign PCN hub consultation', ALL);
      const saved = (await mutate(anp, 'saveConsultation', CONSULTATION, { consultationId: recorded.id })).consultation;
      add('HubConsultationEntry', saved.entries[0]?.id, 'foreign PCN consultation entry', ALL);
      const delivery = saved.entries.map((e: any) => e.writeBack?.delivery).find(Boolean);
      add('WriteBackDelivery', delivery?.id, 'foreign PCN write-back delivery', ALL);
      add('WriteBackMessageId', delivery?.messageId, 'foreign PCN write-back message', ALL);
      if (!delivery) console.warn('[tenant-isolation] the foreign PCN consultation made no write-back delivery');
    });
    await step('referral and trace task', async () => {
      const referral = (
        await mutate(await foreignToken('gp'), 'referPatient', 'referral { id state }', {
          method: 'CROSS_ORGANISATION_BOOKING',
          serviceId: service,
          nhsNumber: base.nhsNumber,
          slotId: slot,
          consentToRecordAccess: true,
          reason: 'Sore throat',
        })
      ).referral;
      add('Referral', referral.id, 'foreign PCN referral', ALL);
      const tasks = (await must('{ patientTraceTasks { edges { node { id } } } }', {}, await foreignToken('coord')))
        .patientTraceTasks.edges;
      add('PatientTraceTask', tasks[0]?.node.id, 'foreign PCN trace task', ALL);
      if (!tasks.length)
        console.warn(`[tenant-isolation] the foreign referral (${referral.state}) opened no trace task`);
    });
    await step('online consultation', async () => {
      const p = { nhsNumber: base.nhsNumber, givenName: 'Zed', familyName: 'Elsewhere', dateOfBirth: '1980-01-01' };
      const oc = (
        await mutate(await foreignToken('supplier'), 'submitOnlineConsultation', 'consultationId', {
          supplier: 'ECONSULT',
          supplierReference: `TI-${randomUUID()}`,
          originatingPracticeOdsCode: FOREIGN.practiceOds,
          patient: p,
          type: 'CLINICAL',
          template: 'Sore throat',
          submittedAt: new Date(Date.now() - 60_000).toISOString(),
          answers: [{ questionId: 'q1', question: 'How long?', answer: 'Three days' }],
          attachments: [{ fileName: 'photo.jpg', contentType: 'image/jpeg', sizeBytes: PHOTO.length }],
        })
      ).consultationId;
      add('OnlineConsultation', oc, 'foreign PCN online consultation', ALL);
      // Its photo, uploaded by the foreign supplier: the attachment fixture.
      const sent = await upload(hub(), oc, 0, PHOTO, { as: await foreignToken('supplier') });
      if (sent.status !== 201 && sent.status !== 200)
        throw new Error(`foreign attachment upload answered ${sent.status}`);
      const [attachment] = await hub().sql<{ id: string }>(
        'select a.id from attachment a where a.consultation_id = ?',
        [fromGlobalId(oc)!.id],
      );
      add('Attachment', attachment && gid('Attachment', attachment.id), 'foreign PCN attachment', ALL);
    });
    await step('plugin', async () => {
      const registered = (
        await mutate(manager, 'registerPlugin', 'plugin { id }', {
          manifest: {
            name: `elsewhere-plugin-${randomBytes(4).toString('hex')}`,
            displayName: 'Elsewhere plugin',
            vendor: 'Synthetic Vendor (test)',
            version: '1.0.0',
            sdkContractVersion: '1',
            description: 'A plugin of another PCN.',
            scopes: ['messages:write', 'consultations:read'],
            events: [],
          },
        })
      ).plugin.id;
      add('Plugin', registered, 'foreign PCN plugin', ALL);
      await mutate(manager, 'setPluginEnabled', 'plugin { id }', { pluginId: registered, enabled: true });
      const created = await mutate(manager, 'createPluginApiKey', 'apiKey { id } key', { pluginId: registered });
      add('PluginApiKey', created.apiKey.id, 'foreign PCN plugin API key', ALL);
      const recorded = await asPlugin(
        hub(),
        created.key,
        FOREIGN.hubOds,
      )<any>('mutation($i: RecordInboundMessageInput!) { recordInboundMessage(input: $i) { message { id } } }', {
        i: {
          transport: 'MESH',
          mailboxId: 'X26ELSE01',
          messageId: `else-${randomUUID()}`,
          messageType: 'DATA',
          headers: [],
          bodyBase64: Buffer.from('{}').toString('base64'),
        },
      });
      if (recorded.errors) throw new Error(JSON.stringify(recorded.errors));
      add('InboundMessage', recorded.data.recordInboundMessage.message.id, 'foreign PCN inbound message', ALL);
      const deliveryId = randomUUID();
      await hub().sql(
        `insert into plugin_webhook_delivery (id, plugin_id, organisation_id, event_id, event_type, state, attempts, next_attempt_at, created_at)
         values (?, ?, ?, 1, 'consultation.saved', 'DEAD', 1, now(), now())`,
        [deliveryId, uuidOf(registered), hubId],
      );
      add(
        'PluginWebhookDelivery',
        gid('PluginWebhookDelivery', deliveryId),
        'foreign PCN plugin webhook delivery',
        ALL,
      );
    });
  }

  /** Objects of practice 2 (Y99012) and of the hub that practice 1 must not see; and actors' own objects. */
  async function buildDemoPcn(): Promise<void> {
    const idOf = async (table: string, where: string, params: unknown[]) =>
      (await hub().sql<{ id: string }>(`select id from ${table} where ${where}`, params))[0]!.id;
    // Demo patient i is registered at practice 1 + i % 7: 8, 15, 22 and 71 at Y99012 (71 is not yet known to the hub).
    add(
      'Patient',
      gid('Patient', await idOf('patient', 'nhs_number = ?', [demoPatient(8).nhsNumber])),
      'patient of Y99012',
      PRACTICE_1,
    );
    add(
      'StaffUser',
      gid('StaffUser', await idOf('staff_user', "username = 'p2.gp'", [])),
      'staff of Y99012',
      PRACTICE_1,
    );
    add(
      'StaffUser',
      gid('StaffUser', await idOf('staff_user', "username = 'hub.anp1'", [])),
      'staff of the hub',
      PRACTICE_1,
    );

    const practice2 = await mutate('p2.gp', 'recordConsultation', CONSULTATION, {
      nhsNumber: demoPatient(8).nhsNumber,
      entries: [ENTRY],
    });
    const p2c = practice2.consultation;
    // Hub consultations belong to their authoring organisation; write-back explanations are also
    // open to hub managers of the PCN, so the entry is not foreign to hub.manager.
    add('HubConsultation', p2c.id, 'consultation authored at Y99012', ALL);
    add(
      'HubConsultationEntry',
      p2c.entries[0]?.id,
      'entry authored at Y99012',
      ALL.filter((a) => a !== 'hub.manager'),
    );

    const hubc = (
      await mutate('hub.anp1', 'recordConsultation', CONSULTATION, {
        nhsNumber: demoPatient(15).nhsNumber,
        entries: [ENTRY],
      })
    ).consultation;
    const saved = (await mutate('hub.anp1', 'saveConsultation', CONSULTATION, { consultationId: hubc.id }))
      .consultation;
    // The hub's own integration (oc.supplier) acts for the hub: the hub's consultation is its own.
    add('HubConsultation', hubc.id, 'hub consultation of a Y99012 patient', [...PRACTICE_1, 'pcn.analyst', 'plugin']);
    add('HubConsultationEntry', saved.entries[0]?.id, 'hub entry of a Y99012 patient', [
      ...PRACTICE_1,
      'pcn.analyst',
      'plugin',
    ]);
    const delivery = saved.entries[0]?.writeBack?.delivery;
    add('WriteBackDelivery', delivery?.id, 'write-back delivery to Y99012', [...PRACTICE_1, 'plugin']);
    add('WriteBackMessageId', delivery?.messageId, 'write-back message to Y99012', [...PRACTICE_1, 'plugin']);

    const rx = (
      await mutate('hub.anp1', 'raisePrescription', 'prescription { id }', acuteAmoxicillin(demoPatient(22).nhsNumber))
    ).prescription.id;
    add('Prescription', rx, 'hub prescription for a Y99012 patient', PRACTICE_1);

    const p = demoPatient(1);
    const submitted = await mutate('oc.supplier', 'submitOnlineConsultation', 'consultationId owner { odsCode }', {
      supplier: 'ECONSULT',
      supplierReference: `TI-${randomUUID()}`,
      originatingPracticeOdsCode: 'Y99012',
      patient: {
        nhsNumber: p.nhsNumber,
        givenName: p.givenName,
        familyName: p.familyName,
        dateOfBirth: p.dateOfBirth,
      },
      type: 'CLINICAL',
      template: 'Sore throat',
      submittedAt: new Date(Date.now() - 60_000).toISOString(),
      answers: [{ questionId: 'q1', question: 'How long?', answer: 'Three days' }],
    });
    add(
      'OnlineConsultation',
      submitted.consultationId,
      `online consultation of a Y99012 patient (owner ${submitted.owner.odsCode})`,
      PRACTICE_1,
    );

    const services = (await must('{ hubServices { id name } }', {}, 'hub.manager')).hubServices as {
      id: string;
      name: string;
    }[];
    const minor = services.find((s) => s.name === 'Minor Illness')!.id;
    const physio = services.find((s) => s.name === 'Physiotherapy')!.id;
    // Physiotherapy takes bookings, tasks and letters: any referral method can reach its other ids.
    own('HubService', physio, [...HUB_ACTORS, ...PRACTICE_1]);
    const free = (
      await must(
        'query($t: String) { freeSlots(slotType: $t, first: 3) { edges { node { id } } } }',
        { t: 'U99001-MinorIllness' },
        'hub.manager',
      )
    ).freeSlots.edges;
    const referral = (
      await mutate('p2.gp', 'referPatient', 'referral { id state }', {
        method: 'CROSS_ORGANISATION_BOOKING',
        serviceId: minor,
        nhsNumber: demoPatient(71).nhsNumber,
        slotId: free[0].node.id,
        consentToRecordAccess: true,
        reason: 'Sore throat',
      })
    ).referral;
    add('Referral', referral.id, `referral from Y99012 (${referral.state})`, PRACTICE_1);
    const tasks = (await must('{ patientTraceTasks { edges { node { id } } } }', {}, 'hub.coord1')).patientTraceTasks
      .edges;
    add('PatientTraceTask', tasks[0]?.node.id, 'hub trace task (patient of Y99012)', PRACTICE_1);
    own('Slot', free[1]?.node.id, [...HUB_ACTORS]);
    const teams = (await must('{ hubTeams { id name } }', {}, 'hub.manager')).hubTeams as {
      id: string;
      name: string;
    }[];
    const task = (
      await mutate('p1.gp', 'referPatient', 'referral { id state }', {
        method: 'CROSS_ORGANISATION_TASK',
        serviceId: physio,
        nhsNumber: demoPatient(0).nhsNumber,
        task: {
          teamId: teams.find((t) => t.name === 'Physiotherapy')!.id,
          subject: 'Knee pain: please assess',
          category: 'CLINICAL_REVIEW',
        },
      })
    ).referral;
    own('Referral', task.id, [...HUB_ACTORS, ...PRACTICE_1]);
    const books = await must('{ appointmentBooks { id } slotTypes { id } }', {}, 'hub.manager');
    own('AppointmentBook', books.appointmentBooks[0]?.id, [...HUB_ACTORS]);
    own('SlotType', books.slotTypes[0]?.id, [...HUB_ACTORS]);
    const agreements = (
      await must('{ writeBackAgreements { id source { odsCode } target { odsCode } } }', {}, 'hub.manager')
    ).writeBackAgreements as any[];
    add(
      'WriteBackAgreement',
      agreements.find((a) => a.target.odsCode === 'Y99012')?.id,
      'write-back agreement hub -> Y99012',
      PRACTICE_1,
    );

    // An online consultation of the actor's own inbox, claimed by it (signposting needs the lock).
    const p0 = demoPatient(0);
    const mine = await mutate('oc.supplier', 'submitOnlineConsultation', 'consultationId owner { odsCode }', {
      supplier: 'ECONSULT',
      supplierReference: `TI-${randomUUID()}`,
      originatingPracticeOdsCode: 'Y99011',
      patient: {
        nhsNumber: p0.nhsNumber,
        givenName: p0.givenName,
        familyName: p0.familyName,
        dateOfBirth: p0.dateOfBirth,
      },
      type: 'CLINICAL',
      template: 'Sore throat',
      submittedAt: new Date(Date.now() - 60_000).toISOString(),
      answers: [{ questionId: 'q1', question: 'How long?', answer: 'Three days' }],
    });
    const claimer: Actor = mine.owner.odsCode === 'Y99000' ? 'hub.anp1' : 'p1.gp';
    await mutate(
      claimer,
      'claimConsultation',
      '__typename',
      { consultationId: mine.consultationId },
      'ConsultationRefInput',
    );
    own('OnlineConsultation', mine.consultationId, [claimer]);

    const plugin = await registerPlugin(hub(), { scopes: [...PLUGIN_SCOPES], events: [] }, ['hub.manager']);
    pluginKey = plugin.key;
  }

  beforeAll(async () => {
    await buildForeignPcn();
    await buildDemoPcn();
    const kinds = [...new Set(fixtures.map((f) => f.kind))].sort();
    console.info(
      `[tenant-isolation ${hub().kind}] ${fixtures.length} foreign fixtures of ${kinds.length} kinds: ${kinds.join(', ')}`,
    );
  });

  // -------------------------------------------------------------------------------------------
  // The comparison
  // -------------------------------------------------------------------------------------------

  /** The answer as a client sees it, with the ids and codes sent masked and volatile parts dropped. */
  function normalise(res: GqlResult, sent: readonly string[]): string {
    const errors = res.errors?.map((e) => {
      const { correlationId: _c, requestId: _r, ...extensions } = (e.extensions ?? {}) as Record<string, unknown>;
      return {
        message: e.message.replace(/correlation id [0-9a-f-]+/g, 'correlation id <X>'),
        path: e.path,
        extensions,
      };
    });
    let text = JSON.stringify({ status: res.status, data: res.data ?? null, errors: errors ?? null });
    for (const value of sent) {
      for (const form of new Set([value, uuidOf(value)])) if (form.length >= 5) text = text.split(form).join('<ID>');
    }
    return text;
  }

  const codeOfRes = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const DECODING = /is not a valid (\w+) id/;
  /** The decoding error of a wrongly typed id names the type the slot takes. */
  function learnedFrom(res: GqlResult, slot: IdSlot): string | null {
    for (const e of res.errors ?? []) {
      const m = DECODING.exec(e.message);
      if (m && (e.extensions?.field === slot.path.join('.') || e.extensions?.field === undefined)) return m[1]!;
    }
    return null;
  }
  const decodingErrorField = (res: GqlResult): string | null => {
    for (const e of res.errors ?? [])
      if (DECODING.test(e.message) && typeof e.extensions?.field === 'string') return e.extensions.field;
    return null;
  };
  /** Kinds a slot's name suggests, for slots whose decoding names no type (raw keys): `key` -> PluginApiKey. */
  function kindsByName(slot: IdSlot, kinds: readonly string[]): string[] {
    const name = slot.name.toLowerCase();
    const stem = name.replace(/ids?$/, '');
    if (!stem) return [];
    return kinds.filter((k) => k.toLowerCase().endsWith(stem) || k.toLowerCase().endsWith(name));
  }
  const allKinds = () => [...new Set(fixtures.map((f) => f.kind))];
  const isException = (field: ByIdField, slot: IdSlot) => EXCEPTIONS[slotKey(field, slot)] !== undefined;

  /** A value for an id slot that is not under test: a missing id of its kind, or another unknown code. */
  const otherValue = (field: ByIdField, s: IdSlot): string =>
    s.kind === 'ODS'
      ? OTHER_UNKNOWN_ODS
      : learned.has(slotKey(field, s))
        ? missingOf(learned.get(slotKey(field, s))!)
        : toGlobalId(PROBE_KIND, randomUUID());

  /**
   * Learns the kind of each required id slot: all set to a probe type, each decoding error names
   * a slot's kind; repeat with the learned ones until no decoding error is left.
   */
  async function learnRequiredKinds(field: ByIdField): Promise<void> {
    const required = field.slots.filter((s) => s.required);
    const unlearned = () => required.filter((s) => s.kind === 'ID' && !learned.has(slotKey(field, s)));
    if (unlearned().length === 0) return;
    const assign = new Map<string, unknown>(required.map((s) => [s.path.join('.'), otherValue(field, s)]));
    for (const actor of ACTORS) {
      for (let round = 0; round <= required.length; round++) {
        const { query, variables } = buildRequest(field, assign);
        const res = await as(actor, query, variables);
        const name = decodingErrorField(res);
        const slot = required.find((s) => s.path.join('.') === name);
        const kind = slot ? learnedFrom(res, slot) : null;
        if (!slot || !kind) break;
        learned.set(slotKey(field, slot), kind);
        assign.set(name!, missingOf(kind));
      }
      if (unlearned().length === 0) return;
    }
  }

  interface Mismatch {
    slot: string;
    actor: Actor;
    fixture: string;
    foreign: string;
    missing: string;
  }

  async function checkSlot(
    field: ByIdField,
    slot: IdSlot,
    actor: Actor,
    mismatches: Mismatch[],
    notes: Set<string>,
  ): Promise<void> {
    const key = slotKey(field, slot);
    const path = slot.path.join('.');
    const hits = exercised.get(key)!;
    // Other id arguments, one pass each: (a) missing ids and unknown codes; (b) where the actor
    // has objects of their kinds, its own objects and its own organisation, so that the slot under
    // test is the one the field stops at; (c) for practice actors, another practice of the PCN as
    // the other code (an agreement between two practices the actor is not a side of).
    const otherSlots = field.slots.filter((s) => s.required && s !== slot);
    const passes: { assign: Map<string, unknown>; samePcnCompared: boolean }[] = [];
    const isPracticeActor = (PRACTICE_1 as readonly string[]).includes(actor);
    // Organisations of the viewer's own PCN are known to every member (organisations query): another
    // practice's code is compared where it is acted on or read by code, not where it only narrows a
    // list, and only when the other codes leave the actor no legitimate part in the request.
    const actedOn = (field.operation === 'mutation' || slot.required) && !PCN_WIDE_ODS_FIELDS.has(field.key);
    const otherOds = otherSlots.filter((s) => s.kind === 'ODS');
    const missingPass = new Map<string, unknown>(otherSlots.map((s) => [s.path.join('.'), otherValue(field, s)]));
    passes.push({ assign: missingPass, samePcnCompared: isPracticeActor && actedOn && otherOds.length === 0 });
    const ownPass = new Map(missingPass);
    let anyOwn = false;
    for (const s of otherSlots) {
      const kind = learned.get(slotKey(field, s));
      const mine =
        s.kind === 'ODS' ? ORG_OF[actor] : owns.find((o) => o.kind === kind && o.ownTo.includes(actor))?.value;
      if (mine) {
        ownPass.set(s.path.join('.'), mine);
        anyOwn = true;
      }
    }
    if (anyOwn) passes.push({ assign: ownPass, samePcnCompared: false });
    if (slot.kind === 'ODS' && otherOds.length > 0 && isPracticeActor && actedOn) {
      const thirdParty = new Map(missingPass);
      for (const s of otherOds) thirdParty.set(s.path.join('.'), THIRD_PRACTICE_ODS);
      passes.push({ assign: thirdParty, samePcnCompared: true });
    }

    for (const { assign, samePcnCompared } of passes) {
      const run = async (value: string) => {
        const a = new Map(assign);
        a.set(path, value);
        const { query, variables } = buildRequest(field, a);
        return as(actor, query, variables);
      };
      const pairs: { missing: string; foreign: { value: string; label: string }[] }[] = [];
      if (slot.kind === 'ODS') {
        const codes = samePcnCompared
          ? [...FOREIGN_PCN_CODES, ...SAME_PCN_OTHER_PRACTICE_CODES]
          : [...FOREIGN_PCN_CODES];
        pairs.push({ missing: UNKNOWN_ODS, foreign: codes.map((c) => ({ value: c, label: `ODS ${c}` })) });
      } else {
        let kinds: string[];
        if (learned.has(key)) kinds = [learned.get(key)!];
        else {
          const probe = await run(toGlobalId(PROBE_KIND, randomUUID()));
          const k = learnedFrom(probe, slot);
          if (k) learned.set(key, k);
          // node(id:) takes every kind; a raw key the kinds its name suggests.
          kinds = k ? [k] : kindsByName(slot, allKinds()).length ? kindsByName(slot, allKinds()) : allKinds();
        }
        for (const kind of kinds) {
          pairs.push({
            missing: missingOf(kind),
            foreign: fixtures
              .filter((f) => f.kind === kind && f.foreignTo.includes(actor))
              .map((f) => ({ value: f.value, label: `${f.kind}: ${f.label}` })),
          });
        }
      }
      for (const pair of pairs) {
        if (pair.foreign.length === 0) continue;
        const missing = await run(pair.missing);
        const missingCode = codeOfRes(missing);
        if (missingCode === 'INTERNAL_SERVER_ERROR')
          notes.add(
            `${key}: a well-formed ${slot.kind === 'ODS' ? 'code' : 'id'} of another kind answers INTERNAL_SERVER_ERROR (${actor})`,
          );
        // A missing id of the wrong kind is refused before any lookup: not this slot's kind.
        if (
          slot.kind === 'ID' &&
          (missingCode === 'INTERNAL_SERVER_ERROR' ||
            (missingCode === 'BAD_USER_INPUT' && DECODING.test(missing.errors![0]!.message)))
        )
          continue;
        // BAD_USER_INPUT naming the slot itself ("not a member practice") is the lookup's answer.
        const aboutSlot = missingCode === 'BAD_USER_INPUT' && missing.errors![0]!.extensions?.field === path;
        const reached = aboutSlot || !UNREACHED.has(missingCode ?? '');
        if (!reached)
          samples.set(`${key} as ${actor}`, `${missingCode}: ${missing.errors?.[0]?.message ?? ''}`.slice(0, 160));
        const missingNorm = normalise(missing, [pair.missing]);
        // Actors refused before the id is read: one foreign object must be refused the same way.
        for (const f of reached ? pair.foreign : pair.foreign.slice(0, 1)) {
          const answer = await run(f.value);
          const foreignNorm = normalise(answer, [f.value]);
          if (foreignNorm !== missingNorm)
            mismatches.push({ slot: key, actor, fixture: f.label, foreign: foreignNorm, missing: missingNorm });
          if (reached) hits.push(`${actor}:${f.label}`);
        }
      }
    }
  }

  async function checkField(field: ByIdField): Promise<{ mismatches: Mismatch[]; notes: string[] }> {
    const mismatches: Mismatch[] = [];
    const notes = new Set<string>();
    const slots = field.slots.filter((s) => !isException(field, s));
    if (slots.length === 0) return { mismatches, notes: [] };
    await learnRequiredKinds(field);
    for (const slot of slots) {
      exercised.set(slotKey(field, slot), exercised.get(slotKey(field, slot)) ?? []);
      // Actors are independent: run them side by side.
      await Promise.all(ACTORS.map((actor) => checkSlot(field, slot, actor, mismatches, notes)));
      if (exercised.get(slotKey(field, slot))!.length === 0) {
        const why = [...samples.entries()]
          .filter(([k]) => k.startsWith(`${slotKey(field, slot)} as `))
          .map(([k, v]) => `    ${k.split(' as ')[1]}: ${v}`);
        notes.add(
          `${slotKey(field, slot)}: not exercised (no actor reached the id, or no foreign object of its kind)\n${why.join('\n')}`,
        );
      }
    }
    return { mismatches, notes: [...notes] };
  }

  const found: Mismatch[] = [];
  for (const field of FIELDS) {
    it(`${field.key}(${field.slots.map((s) => s.path.join('.')).join(', ')})`, async () => {
      const { mismatches, notes } = await checkField(field);
      found.push(...mismatches);
      if (notes.length) console.info(notes.join('\n'));
      expect(
        mismatches.map(
          (m) => `${m.slot} as ${m.actor} with ${m.fixture}\n  foreign: ${m.foreign}\n  missing: ${m.missing}`,
        ),
      ).toEqual([]);
    });
  }

  it('exercised every derived by-id slot, or lists it as an exception', () => {
    const uncovered = ALL_SLOT_KEYS.filter((k) => !EXCEPTIONS[k] && !exercised.get(k)?.length);
    console.info(
      `[tenant-isolation ${hub().kind}] ${FIELDS.length} fields, ${ALL_SLOT_KEYS.length} id slots; ${Object.keys(EXCEPTIONS).length} exceptions; ` +
        `${ALL_SLOT_KEYS.length - Object.keys(EXCEPTIONS).length - uncovered.length} exercised; ${found.length} mismatches`,
    );
    // TENANT_ISOLATION_REPORT=<file>: every slot with the actor/object pairs that exercised it.
    if (process.env.TENANT_ISOLATION_REPORT) {
      writeFileSync(
        `${process.env.TENANT_ISOLATION_REPORT}.${hub().kind}.json`,
        JSON.stringify(
          {
            exercised: Object.fromEntries(exercised),
            exceptions: EXCEPTIONS,
            learned: Object.fromEntries(learned),
            mismatches: found,
          },
          null,
          2,
        ),
      );
    }
    expect(uncovered).toEqual([]);
  });
});
