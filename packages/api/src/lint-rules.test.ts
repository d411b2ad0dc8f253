import { fileURLToPath } from 'node:url';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';

// The repository's own ESLint rules (eslint.local-rules.js at the root, outside this package).
const rulesUrl = new URL('../../../eslint.local-rules.js', import.meta.url).href;
const { platformBoundary, resolversWithoutOrm, moduleBoundaries, moduleFileNames } = await import(rulesUrl);

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2024, sourceType: 'module' },
});
const src = (path: string) => fileURLToPath(new URL(`./${path}`, import.meta.url));

tester.run('platform-boundary', platformBoundary, {
  valid: [
    { filename: src('platform/db/orm.ts'), code: "import { MIGRATIONS } from './migrations/index.js';" },
    { filename: src('platform/db/orm.ts'), code: "import { MikroORM } from '@mikro-orm/core';" },
    { filename: src('app.ts'), code: "import { inboxModule } from './modules/inbox/index.js';" },
    { filename: src('modules/inbox/inbox.service.ts'), code: "import { HubError } from '../../platform/errors.js';" },
    // A platform test may start a whole hub.
    {
      filename: src('platform/http/server.int.test.ts'),
      code: "import { startTestHub } from '../../test/harness.js';",
    },
  ],
  invalid: [
    {
      filename: src('platform/db/entities.ts'),
      code: "import { Patient } from '../../modules/patients/index.js';",
      errors: [{ messageId: 'module' }],
    },
    {
      filename: src('platform/graphql/node-fetcher.ts'),
      code: "export { inboxModule } from '../../modules/inbox/index.js';\nconst m = await import('../../modules/inbox/inbox.service.js');",
      errors: [{ messageId: 'module' }, { messageId: 'module' }],
    },
    {
      filename: src('platform/audit/audit.int.test.ts'),
      code: "import { Patient } from '../../modules/patients/index.js';",
      errors: [{ messageId: 'module' }],
    },
    {
      filename: src('platform/db/orm.ts'),
      code: "import { HUB_ENTITIES } from '../../modules.js';",
      errors: [{ messageId: 'root' }],
    },
  ],
});

tester.run('resolvers-without-orm', resolversWithoutOrm, {
  valid: [
    // No @Resolver class: a service may use the ORM.
    { code: "import { defineEntity } from '@mikro-orm/core';\nexport class InboxService {}" },
    // A resolver without the ORM.
    {
      code: "import { Resolver, Query } from 'type-graphql';\n@Resolver()\nexport class R { @Query(() => String) q() { return ''; } }",
    },
    // Another library's Resolver decorator is not type-graphql's.
    {
      code: "import { Resolver } from 'elsewhere';\nimport type { Em } from '@mikro-orm/core';\n@Resolver()\nexport class R {}",
    },
  ],
  invalid: [
    {
      // A subscription file, not named *.resolver.ts, still holds a resolver.
      filename: src('modules/inbox/inbox.subscription.ts'),
      code: "import { Resolver } from 'type-graphql';\nimport type { FilterQuery } from '@mikro-orm/core';\n@Resolver()\nexport class S {}",
      errors: [{ messageId: 'orm' }],
    },
    {
      code: "import { Resolver as R } from 'type-graphql';\n@R(() => Object)\nexport class X { async f() { return import('@mikro-orm/postgresql'); } }",
      errors: [{ messageId: 'orm' }],
    },
    {
      code: "import * as TG from 'type-graphql';\nimport { wrap } from '@mikro-orm/core';\n@TG.Resolver()\nexport class X {}",
      errors: [{ messageId: 'orm' }],
    },
  ],
});

tester.run('module-boundaries', moduleBoundaries, {
  valid: [
    { filename: src('modules/inbox/inbox.service.ts'), code: "import { Patient } from '../patients/index.js';" },
    {
      filename: src('modules/inbox/triage.int.test.ts'),
      code: "import { seedPatient } from '../patients/patients.testkit.js';",
    },
  ],
  invalid: [
    {
      filename: src('modules/inbox/inbox.service.ts'),
      code: "import { Patient } from '../patients/patient.entity.js';",
      errors: [{ messageId: 'deep' }],
    },
    {
      // From a sub-folder, another module is still reached through its index.ts only.
      filename: src('modules/inbox/queue/inbox.service.ts'),
      code: "import { Patient } from '../../patients/patient.entity.js';",
      errors: [{ messageId: 'deep' }],
    },
  ],
});

// Real files: a test named for a subject needs the subject beside it.
tester.run('module-file-names', moduleFileNames, {
  valid: [
    { filename: src('modules/inbox/index.ts'), code: '' },
    { filename: src('modules/inbox/inbox.codes.ts'), code: '' },
    { filename: src('modules/inbox/online-consultation.state.test.ts'), code: '' },
    { filename: src('modules/inbox/triage/transition.service.ts'), code: '' },
    { filename: src('modules/inbox/triage/triage.int.test.ts'), code: '' },
    { filename: src('modules/write-back/targets/targets.worker.test.ts'), code: '' },
    { filename: src('modules/plugins/plugins.codes.int.test.ts'), code: '' },
    // Outside modules/ the rule says nothing.
    { filename: src('platform/graphql/compiled-execution.ts'), code: '' },
  ],
  invalid: [
    // A topic and no role; a role off the list; a module-prefixed topic with a role off the list.
    { filename: src('modules/referrals/referral-methods.ts'), code: '', errors: [{ messageId: 'name' }] },
    { filename: src('modules/inbox/triage.runner.ts'), code: '', errors: [{ messageId: 'name' }] },
    { filename: src('modules/write-back/write-back.targets.ts'), code: '', errors: [{ messageId: 'name' }] },
    // Not kebab-case; a second public face; two levels of sub-folders; a sub-folder not kebab-case.
    { filename: src('modules/inbox/inboxSettings.entity.ts'), code: '', errors: [{ messageId: 'name' }] },
    { filename: src('modules/inbox/queue/index.ts'), code: '', errors: [{ messageId: 'name' }] },
    { filename: src('modules/inbox/queue/paging/page.query.ts'), code: '', errors: [{ messageId: 'name' }] },
    { filename: src('modules/inbox/Queue/page.query.ts'), code: '', errors: [{ messageId: 'name' }] },
    // A test named for a subject that is not beside it.
    { filename: src('modules/inbox/triage.service.test.ts'), code: '', errors: [{ messageId: 'name' }] },
    {
      filename: src('modules/inbox/eps-message.ts'),
      code: '',
      errors: [
        {
          message:
            "'eps-message.ts' does not name a topic and a role: module files are named <topic>.<role>.ts (a kebab-case topic, one role of: entity, codes, enums, types, inputs, validation, resolver, subscription, service, query, sql, policy, loaders, mappers, errors, events, node, seed, state, rules, worker, message, routes, testkit); tests <topic>[.<role>].test.ts or <topic>[.<role>].int.test.ts, beside their subject; index.ts, the module's only public face, at the module root only; at most one level of sub-folders, each named for a kebab-case topic (docs/architecture.md#module-anatomy).",
        },
      ],
    },
  ],
});
