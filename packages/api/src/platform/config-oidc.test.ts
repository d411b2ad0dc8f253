import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('config: single sign-on of the web app', () => {
  it('is off unless both OIDC_ISSUER and OIDC_CLIENT_ID are set', () => {
    expect(parseConfig({}).web.oidc).toBeNull();
    expect(
      parseConfig({
        OIDC_ISSUER:
          'https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare',
        OIDC_CLIENT_ID: 'smart-inbox',
      }).web.oidc,
    ).toEqual({
      issuer:
        'https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare',
      clientId: 'smart-inbox',
    });
  });

  it('refuses one without the other, and an issuer that is not an http(s) URL', () => {
    expect(() => parseConfig({ OIDC_ISSUER: 'https://idp.example' })).toThrow(ConfigError);
    expect(() => parseConfig({ OIDC_CLIENT_ID: 'smart-inbox' })).toThrow(/OIDC_ISSUER/);
    expect(() => parseConfig({ OIDC_ISSUER: 'ftp://idp.example', OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_ISSUER/);
    expect(() => parseConfig({ OIDC_ISSUER: 'https://idp.example/?a=1', OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_ISSUER/);
  });
});
