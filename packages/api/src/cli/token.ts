import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { createTokenVerifier } from '../platform/auth/tokens.js';
import { isRole } from '../platform/auth/roles.js';
import { DEMO_USERS } from '../seed/demo.js';

const { values } = parseArgs({
  options: {
    user: { type: 'string' },
    org: { type: 'string' },
    roles: { type: 'string' },
    ttl: { type: 'string', default: '28800' },
  },
});

const config = loadConfig();
const verifier = createTokenVerifier(config.jwt);
if (!verifier.sign) {
  process.stderr.write(
    'pnpm demo-token signs with the development key or JWT_SECRET; with JWT_JWKS_URL, ask your identity provider.\n',
  );
  process.exit(2);
}
const demo = DEMO_USERS.find((u) => u.username === values.user);
const usage =
  'usage: pnpm demo-token --user <username> [--org <ODS code> --roles ROLE,ROLE] [--ttl seconds]\n' +
  `demo users: ${DEMO_USERS.map((u) => u.username).join(', ')}\n`;
if (!values.user) {
  process.stderr.write(usage);
  process.exit(2);
}
if (!demo && (!values.org || !values.roles)) {
  process.stderr.write(
    `"${values.user}" is not a demo user; name one, or give --org and --roles for a custom token.\n${usage}`,
  );
  process.exit(2);
}
const roles = values.roles ? values.roles.split(',').map((r) => r.trim()) : [...demo!.roles];
if (!roles.every(isRole)) {
  process.stderr.write(
    'unknown role; roles are HUB_CLINICIAN, HUB_PRESCRIBER, HUB_ADMIN, HUB_MANAGER, PRACTICE_CLINICIAN, PRACTICE_ADMIN, PCN_ANALYST, INTEGRATION\n',
  );
  process.exit(2);
}
const token = await verifier.sign({ sub: values.user, org: values.org ?? demo!.odsCode, roles }, Number(values.ttl));
process.stdout.write(`${token}\n`);
