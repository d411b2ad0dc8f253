import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase } from '../../test/harness.js';
import { CODES, coded, dbId, patientAt } from '../consultations/consultations.testkit.js';
import {
  asPlugin,
  CREATE_KEY,
  ENABLE,
  manifest,
  ok,
  REGISTER,
  registerPlugin,
  REVOKE_KEY,
  ROTATE_KEY,
  VIEWER,
} from './plugins.testkit.js';

const RECORD = `mutation ($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { id sourceProduct entries { id } } } }`;
const SAVE = `mutation ($input: SaveConsultationInput!) { saveConsultation(input: $input) { consultation { id version entries { id writeBack { decision state } } } } }`;
const EXPLAIN = `query ($entry: ID!) { explainWriteBack(entryId: $entry) { willWriteBack sourceProduct reasons sourcePlugin { name displayName vendor } } }`;
const SUBMIT_MANIFEST = `mutation ($input: SubmitPluginManifestInput!) { submitPluginManifest(input: $input) { plugin { scopes approvedVersion } manifestVersion { number state scopes } } }`;
const APPROVE = `mutation ($input: DecidePluginManifestInput!) { approvePluginManifest(input: $input) { plugin { scopes approvedVersion } manifestVersion { state } } }`;

describeEachDatabase('plugin registration, credentials and producing', (hub) => {
  it('registers a plugin with its first manifest approved and returns the signing secret once', async () => {
    const m = manifest();
    const out = await ok(
      hub().gql<any>(REGISTER, { input: { manifest: m, idempotencyKey: `reg-${m.name as string}` } }, 'hub.manager'),
    );
    expect(out.registerPlugin.plugin).toMatchObject({ name: m.name, state: 'ACTIVE', approvedVersion: 1 });
    expect(out.registerPlugin.webhookSecret).toMatch(/^whsec_/);
    const again = await ok(
      hub().gql<any>(REGISTER, { input: { manifest: m, idempotencyKey: `reg-${m.name as string}` } }, 'hub.manager'),
    );
    expect(again.registerPlugin.plugin.id).toBe(out.registerPlugin.plugin.id);
    expect(again.registerPlugin.webhookSecret).toBeNull();
    expect(codeOf(await hub().gql(REGISTER, { input: { manifest: m } }, 'hub.manager'))).toBe('CONFLICT');
    expect(codeOf(await hub().gql(REGISTER, { input: { manifest: manifest() } }, 'p1.admin'))).toBe('FORBIDDEN');
  });

  it('rejects bad manifests with the field at fault and writes nothing', async () => {
    const before = await hub().sql<{ n: number }>('select count(*)::int as n from plugin');
    const cases: [Record<string, unknown>, string][] = [
      [{ scopes: ['consultations:write', 'admin:all'] }, 'input.manifest.scopes[1]'],
      [{ webhookUrl: 'http://hooks.example.org/x' }, 'input.manifest.webhookUrl'],
      [{ webhookUrl: 'not a url' }, 'input.manifest.webhookUrl'],
      [{ name: 'Has Spaces' }, 'input.manifest.name'],
      [{ events: ['write-back.*'] }, 'input.manifest.events'],
      [{ producesCodes: ['22298007'] }, 'input.manifest.producesCodes[0]'],
    ];
    for (const [overrides, field] of cases) {
      const res = await hub().gql(REGISTER, { input: { manifest: manifest(overrides) } }, 'hub.manager');
      expect(codeOf(res), field).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.field).toBe(field);
    }
    expect(await hub().sql('select count(*)::int as n from plugin')).toEqual(before);
  });

  it('authenticates a key for an enabling organisation only, and audits every call as the plugin', async () => {
    const plugin = await registerPlugin(hub(), {}, ['hub.manager', 'p1.admin']);
    const viewer = await ok(asPlugin(hub(), plugin.key, 'Y99000')<any>(VIEWER));
    expect(viewer.viewerPlugin.name).toBe(plugin.name);
    // Two enabling organisations: the caller must say which.
    expect(codeOf(await asPlugin(hub(), plugin.key)(VIEWER))).toBe('FORBIDDEN');
    expect(codeOf(await asPlugin(hub(), plugin.key, 'Y99012')(VIEWER))).toBe('FORBIDDEN');
    expect(codeOf(await asPlugin(hub(), plugin.key, 'Y99011', 'hub.manager')(VIEWER))).toBe('FORBIDDEN');
    await ok(asPlugin(hub(), plugin.key, 'Y99011', 'p1.gp')(VIEWER));
    const audit = await hub().sql<{
      actor_type: string;
      outcome: string;
      on_behalf_of: string | null;
      organisation_ods: string | null;
    }>('select actor_type, outcome, on_behalf_of, organisation_ods from audit_event where actor_id = ? order by at', [
      plugin.name,
    ]);
    expect(audit.filter((a) => a.outcome === 'DENIED').length).toBeGreaterThanOrEqual(3);
    expect(audit).toContainEqual({
      actor_type: 'PLUGIN',
      outcome: 'SUCCESS',
      on_behalf_of: 'p1.gp',
      organisation_ods: 'Y99011',
    });
  });

  it('refuses a revoked key, a key rotated out, a wrong secret, a missing scope and a field not open to plugins', async () => {
    const plugin = await registerPlugin(hub(), { scopes: ['consultations:read'] });
    const call = asPlugin(hub(), plugin.key, 'Y99000');
    const nhsNumber = patientAt(1, 60);
    // A scope it does not hold, and a field no scope opens: FORBIDDEN, nothing written.
    expect(codeOf(await call(RECORD, { input: { nhsNumber, entries: [coded()] } }))).toBe('FORBIDDEN');
    expect(codeOf(await call(`{ writeBackAgreements { id } }`))).toBe('FORBIDDEN');
    expect(await hub().sql('select 1 from consultation where source_product = ?', [plugin.name])).toEqual([]);
    // Wrong secret for a real key id.
    const forged = plugin.key.slice(0, -4) + (plugin.key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(codeOf(await asPlugin(hub(), forged, 'Y99000')(VIEWER))).toBe('UNAUTHENTICATED');
    // Rotation with no overlap: the new key works at once, the old one stops.
    const rotated = await ok(
      hub().gql<any>(ROTATE_KEY, { input: { keyId: plugin.keyId, overlapMinutes: 0 } }, 'hub.manager'),
    );
    expect(codeOf(await call(VIEWER))).toBe('UNAUTHENTICATED');
    const fresh = asPlugin(hub(), rotated.rotatePluginApiKey.key, 'Y99000');
    await ok(fresh(VIEWER));
    // Rotation with an overlap: both work until it ends; the plugin may rotate its own key.
    const again = await ok(
      fresh<any>(ROTATE_KEY, { input: { keyId: rotated.rotatePluginApiKey.apiKey.id, overlapMinutes: 60 } }),
    );
    await ok(fresh(VIEWER));
    const newest = asPlugin(hub(), again.rotatePluginApiKey.key, 'Y99000');
    await ok(newest(VIEWER));
    // Revocation takes effect on the very next call.
    await ok(hub().gql(REVOKE_KEY, { input: { keyId: again.rotatePluginApiKey.apiKey.id } }, 'hub.manager'));
    expect(codeOf(await newest(VIEWER))).toBe('UNAUTHENTICATED');
    // Disabling by the organisation stops the key there at once.
    await ok(hub().gql(ENABLE, { input: { pluginId: plugin.id, enabled: false } }, 'hub.manager'));
    expect(codeOf(await fresh(VIEWER))).toBe('FORBIDDEN');
    const reasons = await hub().sql<{ reason: string }>(
      "select reason from audit_event where actor_id = ? and outcome = 'DENIED'",
      [plugin.name],
    );
    expect(reasons.map((r) => r.reason)).toEqual(
      expect.arrayContaining([
        'missing scope consultations:write',
        'not open to plugins',
        expect.stringMatching(/rotated out/),
        expect.stringMatching(/revoked/),
      ]),
    );
  });

  it('records a consultation as the plugin; its entry is written back like a native one and explainWriteBack names the plugin', async () => {
    const plugin = await registerPlugin(hub());
    const call = asPlugin(hub(), plugin.key, 'Y99000', 'hub.anp1');
    const nhsNumber = patientAt(2, 61);
    // Another product's name is refused.
    expect(
      codeOf(await call(RECORD, { input: { nhsNumber, sourceProduct: 'someone-else', entries: [coded()] } })),
    ).toBe('BAD_USER_INPUT');
    const recorded = await ok(
      call<any>(RECORD, {
        input: { nhsNumber, entries: [coded(CODES.hypertension, 'Hypertension')], idempotencyKey: 'k1' },
      }),
    );
    const c = recorded.recordConsultation.consultation;
    expect(c.sourceProduct).toBe(plugin.name);
    const replay = await ok(
      call<any>(RECORD, {
        input: { nhsNumber, entries: [coded(CODES.hypertension, 'Hypertension')], idempotencyKey: 'k1' },
      }),
    );
    expect(replay.recordConsultation.consultation.id).toBe(c.id);
    const saved = await ok(call<any>(SAVE, { input: { consultationId: c.id } }));
    expect(saved.saveConsultation.consultation.entries[0].writeBack.decision).toBe('WRITE_BACK');
    const entryId = c.entries[0].id;
    await expect
      .poll(
        async () =>
          hub().sql<{ n: number }>(
            'select count(*)::int as n from practice_record_entry where record_id in (select id from write_back_record where entry_id = ?)',
            [dbId(entryId)],
          ),
        { timeout: 15_000 },
      )
      .toEqual([{ n: 1 }]);
    const explained = await ok(call<any>(EXPLAIN, { entry: entryId }));
    expect(explained.explainWriteBack).toMatchObject({
      willWriteBack: true,
      sourceProduct: plugin.name,
      sourcePlugin: { name: plugin.name, vendor: 'Synthetic Vendor (test)' },
    });
    expect(explained.explainWriteBack.reasons.join(' ')).toContain(plugin.name);
    // Staff of the hub see it too; another plugin of the same hub does not.
    const other = await registerPlugin(hub());
    expect(codeOf(await asPlugin(hub(), other.key, 'Y99000')(EXPLAIN, { entry: entryId }))).toBe('NOT_FOUND');
    const staff = await ok(hub().gql<any>(EXPLAIN, { entry: entryId }, 'hub.anp2'));
    expect(staff.explainWriteBack.sourcePlugin.name).toBe(plugin.name);
  });

  it('submits online consultations into an enabling practice inbox, de-duplicated on supplier reference', async () => {
    const plugin = await registerPlugin(hub(), { scopes: ['inbox:submit'] }, ['p3.admin']);
    const call = asPlugin(hub(), plugin.key);
    const SUBMIT = `mutation ($input: SubmitOnlineConsultationInput!) { submitOnlineConsultation(input: $input) { consultationId } }`;
    const input = {
      supplier: 'OTHER',
      supplierReference: `plugin-ref-${plugin.name}`,
      originatingPracticeOdsCode: 'Y99013',
      type: 'ADMIN',
      template: 'Fit note request',
      submittedAt: new Date(Date.now() - 60_000).toISOString(),
      patient: { nhsNumber: patientAt(3, 62), givenName: 'Ada', familyName: 'Testperson', dateOfBirth: '1980-02-02' },
      answers: [{ questionId: 'q1', question: 'What do you need?', answer: 'A fit note' }],
    };
    const first = await ok(call<any>(SUBMIT, { input }));
    const second = await ok(call<any>(SUBMIT, { input }));
    expect(second.submitOnlineConsultation.consultationId).toBe(first.submitOnlineConsultation.consultationId);
    // Another practice's inbox: it did not enable the plugin.
    const elsewhere = await call(SUBMIT, {
      input: { ...input, supplierReference: 'x-2', originatingPracticeOdsCode: 'Y99014' },
    });
    expect(codeOf(elsewhere)).toBe('BAD_USER_INPUT');
    expect(elsewhere.errors![0]!.extensions!.field).toBe('input.originatingPracticeOdsCode');
  });

  it('approves a new manifest at once unless it asks for more scopes', async () => {
    const plugin = await registerPlugin(hub(), { scopes: ['consultations:read'] });
    const call = asPlugin(hub(), plugin.key, 'Y99000');
    const same = await ok(
      call<any>(SUBMIT_MANIFEST, {
        input: {
          pluginId: plugin.id,
          manifest: manifest({ name: plugin.name, version: '1.1.0', scopes: ['consultations:read'] }),
        },
      }),
    );
    expect(same.submitPluginManifest.manifestVersion).toMatchObject({ number: 2, state: 'APPROVED' });
    const more = await ok(
      call<any>(SUBMIT_MANIFEST, {
        input: {
          pluginId: plugin.id,
          manifest: manifest({
            name: plugin.name,
            version: '2.0.0',
            scopes: ['consultations:read', 'consultations:write'],
          }),
        },
      }),
    );
    expect(more.submitPluginManifest).toMatchObject({
      plugin: { scopes: ['consultations:read'], approvedVersion: 2 },
      manifestVersion: { number: 3, state: 'PENDING_APPROVAL' },
    });
    expect(codeOf(await call(RECORD, { input: { nhsNumber: patientAt(1, 63) } }))).toBe('FORBIDDEN');
    expect(codeOf(await call(APPROVE, { input: { pluginId: plugin.id, number: 3 } }))).toBe('FORBIDDEN');
    const approved = await ok(hub().gql<any>(APPROVE, { input: { pluginId: plugin.id, number: 3 } }, 'hub.manager'));
    expect(approved.approvePluginManifest.plugin).toMatchObject({
      approvedVersion: 3,
      scopes: ['consultations:read', 'consultations:write'],
    });
    await ok(call(RECORD, { input: { nhsNumber: patientAt(1, 63) } }));
    expect(
      codeOf(
        await call(SUBMIT_MANIFEST, {
          input: { pluginId: plugin.id, manifest: manifest({ name: plugin.name, version: '2.0.0' }) },
        }),
      ),
    ).toBe('CONFLICT');
  });

  it('lets only managers see keys and a practice admin enable for their own practice only', async () => {
    const plugin = await registerPlugin(hub(), {}, []);
    const res = await ok(
      hub().gql<any>(`query ($id: ID!) { plugin(id: $id) { name apiKeys { id } } }`, { id: plugin.id }, 'p2.admin'),
    );
    expect(res.plugin.apiKeys).toBeNull();
    await ok(hub().gql(ENABLE, { input: { pluginId: plugin.id, enabled: true } }, 'p2.admin'));
    const list = await ok(
      hub().gql<any>(`{ plugins { name enabledForViewer enabledOrganisations { odsCode } } }`, {}, 'p2.admin'),
    );
    expect(list.plugins.find((p: any) => p.name === plugin.name)).toMatchObject({
      enabledForViewer: true,
      enabledOrganisations: [{ odsCode: 'Y99012' }],
    });
    expect(codeOf(await hub().gql(CREATE_KEY, { input: { pluginId: plugin.id } }, 'p2.admin'))).toBe('FORBIDDEN');
  });
});
