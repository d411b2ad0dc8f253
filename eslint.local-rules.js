// The repository's own ESLint rules: the boundaries of docs/architecture.md#house-rules that
// no-restricted-imports cannot express. Tested by packages/api/src/lint-rules.test.ts.
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const apiSrcDir = resolve(root, 'packages/api/src');
const modulesDir = resolve(apiSrcDir, 'modules');
const platformDir = resolve(apiSrcDir, 'platform');

/** True when `file` is `dir` or lies below it. */
function isInside(dir, file) {
  const rel = relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** Which API module (`modules/<name>/`) a file belongs to, or null outside the modules folder. */
function moduleOf(file) {
  const rel = relative(modulesDir, file);
  if (rel.startsWith('..') || rel === '' || !rel.includes(sep)) return null;
  return rel.split(sep)[0];
}

/** Calls `check(node, source)` for every import, re-export and literal `import()` of a file. */
function eachImport(check) {
  const visit = (node) => {
    const source = node.source;
    if (source?.type === 'Literal' && typeof source.value === 'string') check(source, source.value);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

/**
 * Modules import each other only through their `index.ts` (docs/architecture.md#module-boundaries). A relative
 * import that lands inside `modules/<m>/` from outside that module must name `modules/<m>/index.js`.
 * Written as a rule rather than an import pattern because "outside that module" depends on the
 * importing file's own folder. A module's `*.testkit.ts` is its public test API: tests and other
 * testkits may import it directly (index.ts must not export it, or production would load it).
 */
export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Modules import each other only through index.ts' },
    schema: [],
    messages: {
      deep: "'{{source}}' reaches into module '{{target}}'; import it from '{{target}}/index.js' instead (export what you need there).",
    },
  },
  create(context) {
    const file = context.filename;
    const own = moduleOf(file);
    const isTestCode = /\.(test|testkit)\.ts$/.test(file);
    return eachImport((node, source) => {
      if (!source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      const targetModule = moduleOf(target);
      if (targetModule === null || targetModule === own) return;
      if (relative(resolve(modulesDir, targetModule), target) === 'index.js') return;
      if (isTestCode && target.endsWith('.testkit.js')) return;
      context.report({ node, messageId: 'deep', data: { source, target: targetModule } });
    });
  },
};

/**
 * The platform imports nothing from the modules, nor from the composition root that lists them
 * (docs/architecture.md#layers-of-the-api): what it needs from modules it is given, by the
 * composition root, from the modules' descriptors (`HubModule`). Tests under platform/ may start a
 * whole hub (the test harness, the demo seed), never import a module.
 */
export const platformBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'platform/ imports nothing from modules/ or the composition root' },
    schema: [],
    messages: {
      module:
        "platform/ never imports a module ('{{source}}'): take what it needs from the HubModule descriptors the composition root passes in, or move it into platform/.",
      root: "platform/ never imports the composition root ('{{source}}'): the composition root passes the platform what it needs.",
    },
  },
  create(context) {
    const file = context.filename;
    if (!isInside(platformDir, file)) return {};
    const isTestCode = /\.test\.ts$/.test(file);
    return eachImport((node, source) => {
      if (!source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      if (isInside(modulesDir, target)) {
        context.report({ node, messageId: 'module', data: { source } });
      } else if (!isTestCode && isInside(apiSrcDir, target) && !isInside(platformDir, target)) {
        context.report({ node, messageId: 'root', data: { source } });
      }
    });
  },
};

/**
 * Resolvers are thin and never import the ORM (docs/architecture.md#thin-resolvers), whatever their
 * file is called: any file declaring a class decorated with type-graphql's `@Resolver` may not
 * import `@mikro-orm/*` (statically, as a type, or with `import()`).
 */
export const resolversWithoutOrm = {
  meta: {
    type: 'problem',
    docs: { description: 'A file with a @Resolver class never imports @mikro-orm/*' },
    schema: [],
    messages: {
      orm: "'{{source}}' in a file with a @Resolver class: resolvers never import the ORM; move data access into the module service.",
    },
  },
  create(context) {
    const resolverNames = new Set();
    const namespaces = new Set();
    const ormImports = [];
    let declaresResolver = false;
    const isResolverDecorator = (decorator) => {
      const expression =
        decorator.expression.type === 'CallExpression' ? decorator.expression.callee : decorator.expression;
      if (expression.type === 'Identifier') return resolverNames.has(expression.name);
      return (
        expression.type === 'MemberExpression' &&
        expression.object.type === 'Identifier' &&
        namespaces.has(expression.object.name) &&
        expression.property.type === 'Identifier' &&
        expression.property.name === 'Resolver'
      );
    };
    const onClass = (node) => {
      if ((node.decorators ?? []).some(isResolverDecorator)) declaresResolver = true;
    };
    const imports = eachImport((node, source) => {
      if (/^@mikro-orm\//.test(source)) ormImports.push({ node, source });
    });
    return {
      ...imports,
      ImportDeclaration(node) {
        imports.ImportDeclaration(node);
        if (node.source.value !== 'type-graphql') return;
        for (const spec of node.specifiers) {
          if (spec.type === 'ImportNamespaceSpecifier') namespaces.add(spec.local.name);
          else if (spec.type === 'ImportSpecifier' && (spec.imported.name ?? spec.imported.value) === 'Resolver') {
            resolverNames.add(spec.local.name);
          }
        }
      },
      ClassDeclaration: onClass,
      ClassExpression: onClass,
      'Program:exit'() {
        if (!declaresResolver) return;
        for (const { node, source } of ormImports) context.report({ node, messageId: 'orm', data: { source } });
      },
    };
  },
};

/**
 * The roles a module file may have, each with its meaning in docs/architecture.md#module-anatomy. A
 * new role is added here and there together, or the file takes one of these.
 */
export const MODULE_FILE_ROLES = [
  'entity',
  'codes',
  'enums',
  'types',
  'inputs',
  'validation',
  'resolver',
  'subscription',
  'service',
  'query',
  'sql',
  'policy',
  'loaders',
  'mappers',
  'errors',
  'events',
  'node',
  'seed',
  'state',
  'rules',
  'worker',
  'message',
  'routes',
  'testkit',
];

const TOPIC = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
const ROLE = `(?:${MODULE_FILE_ROLES.join('|')})`;
const topicPattern = new RegExp(`^${TOPIC}$`);
const sourcePattern = new RegExp(`^${TOPIC}\\.${ROLE}\\.ts$`);
const testPattern = new RegExp(`^${TOPIC}(?:\\.${ROLE})?(?:\\.int)?\\.test\\.ts$`);
const subjectTestPattern = new RegExp(`^(${TOPIC}\\.${ROLE})(?:\\.int)?\\.test\\.ts$`);

/** The naming rule in one sentence, as lint and the module test report it. */
export const MODULE_FILE_RULE =
  `module files are named <topic>.<role>.ts (a kebab-case topic, one role of: ${MODULE_FILE_ROLES.join(', ')}); ` +
  'tests <topic>[.<role>].test.ts or <topic>[.<role>].int.test.ts, beside their subject; index.ts, the ' +
  "module's only public face, at the module root only; at most one level of sub-folders, each named for " +
  'a kebab-case topic (docs/architecture.md#module-anatomy)';

/**
 * Why a file under `modules/` breaks the naming rule, or null when it follows it. `rel` is the file's
 * path relative to the modules folder (`inbox/triage/triage.service.ts`); `exists` says whether such
 * a path exists (a test named `<topic>.<role>.test.ts` needs `<topic>.<role>.ts` beside it).
 */
export function moduleFileNameProblem(rel, exists = () => true) {
  const [module, ...rest] = rel.split(/[\\/]/);
  if (rest.length === 0) return `'${rel}' lies directly under modules/, outside any module`;
  if (!topicPattern.test(module)) return `module folder '${module}' is not kebab-case`;
  const name = rest[rest.length - 1];
  if (rest.length > 2) return `'${rel}' lies more than one sub-folder deep`;
  if (rest.length === 2 && !topicPattern.test(rest[0])) return `sub-folder '${rest[0]}' is not a kebab-case topic`;
  if (name === 'index.ts') return rest.length === 1 ? null : `'${rel}': index.ts belongs at the module root only`;
  const subject = subjectTestPattern.exec(name)?.[1];
  if (subject !== undefined) {
    const beside = [module, ...rest.slice(0, -1), `${subject}.ts`].join('/');
    return exists(beside) ? null : `'${name}' names '${subject}.ts', which is not beside it`;
  }
  if (name === 'README.md' || sourcePattern.test(name) || testPattern.test(name)) return null;
  return `'${name}' does not name a topic and a role`;
}

/**
 * One naming rule for the files of the modules (docs/architecture.md#module-anatomy): reports a file
 * under `modules/` whose path breaks it, saying the rule.
 */
export const moduleFileNames = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Module files are named <topic>.<role>.ts from a closed list of roles' },
    schema: [],
    messages: { name: '{{problem}}: {{rule}}.' },
  },
  create(context) {
    const file = context.filename;
    if (!isInside(modulesDir, file) || file === modulesDir) return {};
    const problem = moduleFileNameProblem(relative(modulesDir, file), (rel) => existsSync(resolve(modulesDir, rel)));
    if (problem === null) return {};
    return {
      Program(node) {
        context.report({
          node,
          loc: { line: 1, column: 0 },
          messageId: 'name',
          data: { problem, rule: MODULE_FILE_RULE },
        });
      },
    };
  },
};

/** The plugin ESLint loads as `local`. */
export const localRules = {
  rules: {
    'module-boundaries': moduleBoundaries,
    'platform-boundary': platformBoundary,
    'resolvers-without-orm': resolversWithoutOrm,
    'module-file-names': moduleFileNames,
  },
};
