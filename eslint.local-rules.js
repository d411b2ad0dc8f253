// The repository's own ESLint rules: the boundaries of docs/architecture.md#house-rules that
// no-restricted-imports cannot express. Tested by packages/api/src/lint-rules.test.ts.
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

/** The plugin ESLint loads as `local`. */
export const localRules = {
  rules: {
    'module-boundaries': moduleBoundaries,
    'platform-boundary': platformBoundary,
    'resolvers-without-orm': resolversWithoutOrm,
  },
};
