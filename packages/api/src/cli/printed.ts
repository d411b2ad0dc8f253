/**
 * The commands the server, its landing page and the README print for a newcomer: one place, so
 * a test can run each exactly as printed (pnpm 10 hands some script names, such as `token`, to
 * npm's own commands; these are the names that reach our scripts).
 */
export const PRINTED = {
  demoToken: 'pnpm demo-token --user hub.manager',
  demoTokenSilent: 'pnpm --silent demo-token --user hub.manager',
  customToken: 'pnpm demo-token --user locum.gp --org Y99012 --roles PRACTICE_CLINICIAN',
} as const;
