import { LockMode } from '@mikro-orm/core';
import type { AuthenticatedContext } from '../../platform/context.js';
import type { Em } from '../../platform/db/orm.js';
import { WithStatement } from '../../platform/db/sql.js';
import type { StreamHint } from '../../platform/events/index.js';
import { expectGlobalId } from '../../platform/graphql/relay.js';
import { uuidv7 } from '../../platform/ids.js';
import { runIdempotent, type IdempotentOptions } from '../../platform/idempotency/index.js';
import { canSeeConsultation as canSeeInboxItem, OnlineConsultation } from '../inbox/index.js';
import { Organisation } from '../organisations/index.js';
import { findPatientIdInCare, Patient, patientInCareSql } from '../patients/index.js';
import { explainWriteBack, orgFactsOf, type WriteBackExplanationType } from '../write-back/index.js';
import { NATIVE_SOURCE, PLUGIN_ID } from './consultation.codes.js';
import { Consultation, ConsultationEntry } from './consultation.entity.js';
import { ConsultationErrors } from './consultations.errors.js';
import { canExplain, canSeeConsultation } from './consultations.policy.js';
import type { ConsultationFields } from './consultations.mappers.js';
import {
  addEntry,
  consultationOf,
  lockForSave,
  saveNextVersion,
  withNewEntries,
  type ConsultationRow,
} from './saving.service.js';
import { applyContent, contentOf, validateEntry, type EntryInput } from './consultations.validation.js';
import { hintCommitted } from '../../platform/changes.js';

/** What the change rules read of a consultation entity. */
const changeFacts = (c: Consultation) => ({
  authoringOrgId: c.authoringOrganisation.id,
  sourceProduct: c.sourceProduct,
  version: c.version,
  authorId: c.authorId,
  revision: c.revision,
});

/**
 * Use cases of hub consultations: record, add/amend/remove entries, save. Only the authoring
 * organisation sees or changes a consultation; once a version is saved only its author amends it.
 * The save decides write-back in the same transaction (transactional outbox).
 */
export class ConsultationService {
  constructor(private readonly ctx: AuthenticatedContext) {}

  private get actor() {
    return this.ctx.actor;
  }

  async byId(id: string, field = 'id'): Promise<Consultation> {
    const c = await this.ctx.em.findOne(Consultation, { id });
    if (
      !c ||
      !canSeeConsultation(this.actor, { authoringOrgId: c.authoringOrganisation.id, sourceProduct: c.sourceProduct })
    )
      throw ConsultationErrors.notFound(id, field);
    return c;
  }

  async entryById(
    id: string,
    field = 'input.entryId',
  ): Promise<{ entry: ConsultationEntry; consultation: Consultation }> {
    const entry = await this.ctx.em.findOne(ConsultationEntry, { id });
    if (!entry) throw ConsultationErrors.entryNotFound(id, field);
    const consultation = await this.ctx.em.findOne(Consultation, { id: entry.consultation.id });
    if (
      !consultation ||
      !canSeeConsultation(this.actor, {
        authoringOrgId: consultation.authoringOrganisation.id,
        sourceProduct: consultation.sourceProduct,
      })
    ) {
      throw ConsultationErrors.entryNotFound(id, field);
    }
    return { entry, consultation };
  }

  async entries(consultationId: string, includeRemoved: boolean): Promise<ConsultationEntry[]> {
    return this.ctx.em.find(
      ConsultationEntry,
      { consultation: consultationId, ...(includeRemoved ? {} : { removed: false }) },
      { orderBy: { id: 'asc' } },
    );
  }

  async record(input: {
    nhsNumber: string;
    location?: string | null;
    startedAt?: Date | null;
    clinicallyRelevant?: boolean | null;
    sourceProduct?: string | null;
    inboxConsultationId?: string | null;
    entries?: EntryInput[] | null;
    idempotencyKey?: string | null;
  }): Promise<ConsultationFields> {
    const actor = this.actor;
    if (actor.organisationKind !== 'HUB' && actor.organisationKind !== 'PRACTICE')
      throw ConsultationErrors.notAuthoringOrganisation();
    const isIntegration = actor.roles.has('INTEGRATION');
    const plugin = actor.plugin;
    if (plugin) {
      // A plugin records under its own name only, and coded entries need entries:write too.
      if (input.sourceProduct && input.sourceProduct.trim() !== plugin.name)
        throw ConsultationErrors.notOwnSourceProduct();
      if ((input.entries?.length ?? 0) > 0 && !plugin.scopes.has('entries:write'))
        throw ConsultationErrors.needsScope('entries:write', 'input.entries');
    }
    const sourceProduct = plugin
      ? plugin.name
      : input.sourceProduct?.trim() || (isIntegration ? actor.id : NATIVE_SOURCE);
    if (sourceProduct !== NATIVE_SOURCE && !PLUGIN_ID.test(sourceProduct)) throw ConsultationErrors.badSourceProduct();
    if (isIntegration && sourceProduct === NATIVE_SOURCE) throw ConsultationErrors.integrationIsNotNative();
    const startedAt = input.startedAt ?? new Date();
    if (startedAt.getTime() > Date.now() + 5 * 60_000) throw ConsultationErrors.futureStart();
    const entries = input.entries ?? [];
    if (entries.length > 100) throw ConsultationErrors.tooManyEntries();
    const contents = entries.map((entry, i) =>
      validateEntry(entry, `input.entries[${i}]`, this.actor.plugin?.producesCodes ?? null),
    );
    const inboxId = input.inboxConsultationId
      ? expectGlobalId(input.inboxConsultationId, 'OnlineConsultation', 'input.inboxConsultationId')
      : null;
    if (inboxId) {
      // Only an inbox item the author can see; another organisation's answers like a missing one.
      const item = await this.ctx.em.findOne(OnlineConsultation, { id: inboxId }, { fields: ['id', 'owner'] });
      if (!item || !canSeeInboxItem(actor, { ownerId: item.owner.id })) throw ConsultationErrors.inboxItemNotFound();
    }
    // No location: the organisation's name (at most 200 characters), read by the insert itself.
    const location = input.location?.trim() || null;
    if (location && location.length > 200) throw ConsultationErrors.badLocation();
    // One statement: the patient by a care relationship (patients.care.ts; never the NHS number
    // alone), the consultation (located at the organisation by default), its entries and its
    // audit row; nothing when the patient is not found. Atomic by itself: without an idempotency
    // key it needs no transaction.
    const insert = async (em: Em): Promise<ConsultationFields | null> => {
      const id = uuidv7();
      const now = new Date();
      const patient = patientInCareSql(actor, input.nhsNumber);
      const statement = new WithStatement().add('care_patient', patient.sql, patient.params).add(
        'new_consultation',
        `insert into consultation (id, patient_id, authoring_organisation_id, author_id, location, started_at,
           clinically_relevant, source_product, inbox_consultation_id, state, version, revision, created_at,
           updated_at)
         select ?::uuid, p.id, o.id, ?, coalesce(?, o.name), ?::timestamptz, ?, ?, ?::uuid, 'DRAFT', 0, 1,
           ?::timestamptz, ?::timestamptz
         from care_patient p cross join organisation o where o.id = ?
         returning *`,
        [
          id,
          actor.id,
          location,
          startedAt,
          input.clinicallyRelevant ?? true,
          sourceProduct,
          inboxId,
          now,
          now,
          actor.organisationId,
        ],
      );
      withNewEntries(statement, 'new_consultation', contents, actor.id, now);
      this.ctx.audit.addForCreated(
        statement,
        'new_consultation',
        { subjectId: 's.id', patientId: 's.patient_id' },
        { action: 'recordConsultation', subjectType: 'HubConsultation' },
      );
      const [row] = await statement.run<ConsultationRow>(em, 'select * from new_consultation');
      return row ? consultationOf(em, row) : null;
    };
    const patientNotFound = async () => {
      await this.ctx.audit.recordNow(this.ctx.em, [
        {
          action: 'recordConsultation',
          subjectType: 'Patient',
          outcome: 'FAILED',
          reason: 'patient not found or not visible',
        },
      ]);
      return ConsultationErrors.patientNotFound();
    };
    if (input.idempotencyKey === null || input.idempotencyKey === undefined) {
      const c = await insert(this.ctx.em);
      if (!c) throw await patientNotFound();
      return c;
    }
    // With a key, the patient is looked up before a repeat is answered from the stored result.
    if (!(await findPatientIdInCare(this.ctx.em, actor, input.nhsNumber))) throw await patientNotFound();
    const { result } = await runIdempotent(
      this.ctx.em,
      { actorId: actor.id, key: input.idempotencyKey, operation: 'recordConsultation', input },
      async (tx) => {
        const c = await insert(tx);
        if (!c) throw ConsultationErrors.patientNotFound();
        return c;
      },
      { resultId: (c) => c.id, replay: (id) => this.ctx.em.fork().findOneOrFail(Consultation, { id }) },
    );
    return result;
  }

  /** Locks the consultation row (changes to one consultation serialise) and applies the change rules. */
  private async lockChecked(
    em: Em,
    id: string,
    field: string,
    expectedRevision: number | null | undefined,
  ): Promise<Consultation> {
    const c = await em.findOne(Consultation, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    this.checkChange(c && changeFacts(c), id, field, expectedRevision);
    return c!;
  }

  /**
   * The change rules of a locked consultation: only one the actor sees (else NOT_FOUND, like a
   * missing one), once a version is saved only by its author, and at the revision expected.
   */
  private checkChange(
    c: { authoringOrgId: string; sourceProduct: string; version: number; authorId: string; revision: number } | null,
    id: string,
    field: string,
    expectedRevision: number | null | undefined,
  ): void {
    if (!c || !canSeeConsultation(this.actor, c)) throw ConsultationErrors.notFound(id, field);
    if (c.version > 0 && c.authorId !== this.actor.id) throw ConsultationErrors.savedByAnotherAuthor(id);
    if (expectedRevision !== null && expectedRevision !== undefined && expectedRevision !== c.revision) {
      throw ConsultationErrors.staleRevision(id, expectedRevision, c.revision);
    }
  }

  /** As lockChecked, then marks it a draft of the next version. */
  private async lockForChange(
    em: Em,
    id: string,
    field: string,
    expectedRevision: number | null | undefined,
  ): Promise<Consultation> {
    const c = await this.lockChecked(em, id, field, expectedRevision);
    c.state = 'DRAFT';
    c.updatedAt = new Date();
    return c;
  }

  async addEntry(input: {
    consultationId: string;
    entry: EntryInput;
    expectedRevision?: number | null;
    idempotencyKey?: string | null;
  }): Promise<{ consultation: Consultation; entry: ConsultationEntry }> {
    const id = expectGlobalId(input.consultationId, 'HubConsultation', 'input.consultationId');
    const content = validateEntry(input.entry, 'input.entry', this.actor.plugin?.producesCodes ?? null);
    await this.byId(id, 'input.consultationId');
    const { result } = await runIdempotent(
      this.ctx.em,
      { actorId: this.actor.id, key: input.idempotencyKey, operation: 'addConsultationEntry', input },
      async (em) => {
        const c = await this.lockForChange(em, id, 'input.consultationId', input.expectedRevision);
        const entry = addEntry(em, c, content, this.actor.id);
        this.ctx.audit.record(em, {
          action: 'addConsultationEntry',
          subjectType: 'HubConsultationEntry',
          subjectId: entry.id,
          patientId: c.patient.id,
        });
        return { consultation: c, entry };
      },
      { resultId: (r) => r.entry.id, replay: (entryId) => this.replayEntry(entryId) },
    );
    return result;
  }

  async amendEntry(input: {
    entryId: string;
    content: EntryInput;
    expectedRevision?: number | null;
    idempotencyKey?: string | null;
  }): Promise<{ consultation: Consultation; entry: ConsultationEntry }> {
    const entryId = expectGlobalId(input.entryId, 'HubConsultationEntry', 'input.entryId');
    const content = validateEntry(input.content, 'input.content', this.actor.plugin?.producesCodes ?? null);
    return this.changeLiveEntry(
      entryId,
      'amendConsultationEntry',
      input,
      (_em, c, entry) => {
        if (entry.kind !== content.kind) throw ConsultationErrors.kindChanged(entry.kind, content.kind);
        applyContent(entry, content);
        entry.revision += 1;
        entry.updatedBy = this.actor.id;
        return { consultation: c, entry };
      },
      { resultId: (r) => r.entry.id, replay: (id) => this.replayEntry(id) },
    );
  }

  /** Rebuilds an entry mutation's result for an idempotent replay. */
  private async replayEntry(entryId: string): Promise<{ consultation: Consultation; entry: ConsultationEntry }> {
    const fresh = this.ctx.em.fork();
    const entry = await fresh.findOneOrFail(ConsultationEntry, { id: entryId });
    return { consultation: await fresh.findOneOrFail(Consultation, { id: entry.consultation.id }), entry };
  }

  async removeEntry(input: {
    entryId: string;
    expectedRevision?: number | null;
    idempotencyKey?: string | null;
  }): Promise<{ consultation: Consultation; entryId: string }> {
    const entryId = expectGlobalId(input.entryId, 'HubConsultationEntry', 'input.entryId');
    return this.changeLiveEntry(
      entryId,
      'removeConsultationEntry',
      input,
      (em, c, entry) => {
        if (entry.savedRevision === 0) {
          // Never saved: nothing was decided or sent for it, so it simply goes.
          em.remove(entry);
        } else {
          entry.removed = true;
          entry.revision += 1;
          entry.updatedBy = this.actor.id;
        }
        return { consultation: c, entryId };
      },
      {
        resultId: (r) => r.consultation.id,
        replay: async (id) => ({ consultation: await this.ctx.em.fork().findOneOrFail(Consultation, { id }), entryId }),
      },
    );
  }

  /**
   * A change to one entry not removed (amend, remove), idempotent on the input's key: in a
   * transaction, its consultation locked for the change at the revision expected, then `change`
   * and the change's audit row (`operation`); `idempotent` stores and replays its result.
   */
  private async changeLiveEntry<R>(
    entryId: string,
    operation: 'amendConsultationEntry' | 'removeConsultationEntry',
    input: { expectedRevision?: number | null; idempotencyKey?: string | null },
    change: (em: Em, c: Consultation, entry: ConsultationEntry) => R,
    idempotent: IdempotentOptions<R>,
  ): Promise<R> {
    const { consultation } = await this.entryById(entryId);
    const { result } = await runIdempotent(
      this.ctx.em,
      { actorId: this.actor.id, key: input.idempotencyKey, operation, input },
      async (em) => {
        const c = await this.lockForChange(em, consultation.id, 'input.entryId', input.expectedRevision);
        const entry = await em.findOneOrFail(ConsultationEntry, { id: entryId });
        if (entry.removed) throw ConsultationErrors.entryRemoved(entryId);
        const changed = change(em, c, entry);
        this.ctx.audit.record(em, {
          action: operation,
          subjectType: 'HubConsultationEntry',
          subjectId: entryId,
          patientId: c.patient.id,
        });
        return changed;
      },
      idempotent,
    );
    return result;
  }

  /**
   * Saves the next version and decides write-back for every entry it changed: in one transaction,
   * the consultation locked with what its save reads (one statement), then `saveNextVersion`.
   */
  async save(input: {
    consultationId: string;
    expectedRevision?: number | null;
    idempotencyKey?: string | null;
  }): Promise<ConsultationFields> {
    const id = expectGlobalId(input.consultationId, 'HubConsultation', 'input.consultationId');
    // A repeated key answers with the stored result: only for a consultation the actor still sees.
    // (Without a key the locked row is checked in the transaction.)
    if (input.idempotencyKey) await this.byId(id, 'input.consultationId');
    const actor = this.actor;
    const { result, replayed } = await runIdempotent(
      this.ctx.em,
      { actorId: actor.id, key: input.idempotencyKey, operation: 'saveConsultation', input },
      async (tx): Promise<{ consultation: ConsultationFields; hints: StreamHint[] }> => {
        const c = await lockForSave(tx, id, actor.pcnId);
        this.checkChange(c, id, 'input.consultationId', input.expectedRevision);
        const { hints, saved, row } = await saveNextVersion(tx, c!, actor.id, actor.pcnId, {
          log: this.ctx.audit,
          entry: (version, changed) => ({
            action: 'saveConsultation',
            subjectType: 'HubConsultation',
            subjectId: id,
            patientId: c!.patientId,
            reason: `version ${version}; ${changed} entries changed`,
          }),
        });
        if (!saved) throw ConsultationErrors.nothingToSave(id);
        return { consultation: consultationOf(tx, row!), hints };
      },
      {
        resultId: (r) => r.consultation.id,
        replay: async (cid) => ({
          consultation: await this.ctx.em.fork().findOneOrFail(Consultation, { id: cid }),
          hints: [],
        }),
      },
    );
    if (!replayed) hintCommitted(this.ctx.events, result.hints);
    return result.consultation;
  }

  /** Whether an entry will be written back and why (authoring org, registered practice, hub managers). */
  async explain(entryGlobalId: string): Promise<WriteBackExplanationType> {
    const entryId = expectGlobalId(entryGlobalId, 'HubConsultationEntry', 'entryId');
    const em = this.ctx.em;
    const entry = await em.findOne(ConsultationEntry, { id: entryId });
    const c = entry ? await em.findOne(Consultation, { id: entry.consultation.id }) : null;
    const patient = c ? await em.findOne(Patient, { id: c.patient.id }) : null;
    const [source, target] =
      c && patient
        ? await Promise.all([
            em.findOne(Organisation, { id: c.authoringOrganisation.id }),
            em.findOne(Organisation, { id: patient.registeredPractice.id }),
          ])
        : [null, null];
    const pcnId = target?.pcn?.id ?? null;
    const visible = c !== null && (!this.actor.plugin || c.sourceProduct === this.actor.plugin.name);
    if (
      !entry ||
      !c ||
      !visible ||
      !source ||
      !target ||
      !pcnId ||
      !canExplain(this.actor, { authoringOrgId: source.id, targetOrgId: target.id, pcnId })
    ) {
      throw ConsultationErrors.entryNotFound(entryId, 'entryId');
    }
    const content = contentOf(entry);
    return explainWriteBack(em, {
      pcnId,
      entryId,
      adminOnly: content.kind === 'NOTE' && content.adminOnly,
      removed: entry.removed,
      source: orgFactsOf(source),
      target: orgFactsOf(target),
      clinicallyRelevant: c.clinicallyRelevant,
      sourceProduct: c.sourceProduct,
    });
  }
}
