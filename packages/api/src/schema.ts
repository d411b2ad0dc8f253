import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { authChecker, assertEveryRootFieldAuthorized } from './platform/auth/authorization.js';
import { AuditResolver } from './platform/audit/audit.resolver.js';
import { OrganisationResolver, StaffUserResolver, ViewerResolver } from './modules/organisations/index.js';
import { PatientResolver } from './modules/patients/index.js';
import { NodeResolver } from './node.resolver.js';

/** Every resolver class of the API; the composition root of the schema. */
export const RESOLVERS = [
  NodeResolver,
  OrganisationResolver,
  ViewerResolver,
  StaffUserResolver,
  PatientResolver,
  AuditResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

/** Builds (once per process) the executable schema; refuses to start if a root field has no access rule. */
export function buildHubSchema(): Promise<GraphQLSchema> {
  built ??= (async () => {
    assertEveryRootFieldAuthorized(RESOLVERS);
    return buildSchema({
      resolvers: [...RESOLVERS],
      authChecker,
      authMode: 'error',
      validate: false,
    });
  })();
  return built;
}
