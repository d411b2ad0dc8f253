import { fileURLToPath } from 'node:url';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';

// The repository's own ESLint rules (eslint.local-rules.js at the root, outside this package).
const rulesUrl = new URL('../../../eslint.local-rules.js', import.meta.url).href;
const { platformBoundary, resolversWithoutOrm, moduleBoundaries } = await import(rulesUrl);

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
  ],
});
