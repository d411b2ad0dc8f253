import { describe, expect, it } from 'vitest';
import { MeshEnvError, meshConfigFromEnv } from './mesh.env.js';

const base = {
  MESH_HUB_URL: 'http://127.0.0.1:4000/graphql',
  MESH_HUB_API_KEY: 'pcnhub_example',
  MESH_HUB_ODS: 'y99000',
  MESH_URL: 'https://127.0.0.1:8700',
  MESH_MAILBOX_ID: 'x26hub01',
  MESH_PASSWORD: 'password',
  MESH_SHARED_SECRET: 'secret',
};

describe('MESH plugin configuration from the environment', () => {
  it('builds a configuration with the documented defaults', () => {
    const config = meshConfigFromEnv(base);
    expect(config.hub.hubOdsCode).toBe('Y99000');
    expect(config.mesh.mailboxId).toBe('X26HUB01');
    expect(config.pollIntervalMs).toBe(300_000);
    expect(config.writeBack).toMatchObject({
      host: '127.0.0.1',
      port: 4100,
      routing: { kind: 'AUTOMATIC', dobFormat: 'DDMMYYYY' },
      signingSecrets: {},
    });
    expect(config.mesh.tls).toBeUndefined();
  });

  it('reads TLS files, practice secrets and the routing mode', () => {
    const files: Record<string, string> = { '/c.pem': 'CERT', '/k.pem': 'KEY' };
    const config = meshConfigFromEnv(
      {
        ...base,
        MESH_TLS_CERT_FILE: '/c.pem',
        MESH_TLS_KEY_FILE: '/k.pem',
        MESH_ROUTING: 'ENDPOINT_LOOKUP',
        MESH_WRITE_BACK_SECRETS: '{"y99011":"whsec_abc"}',
      },
      (path) => files[path]!,
    );
    expect(config.mesh.tls).toEqual({ cert: 'CERT', key: 'KEY' });
    expect(config.writeBack.routing).toEqual({ kind: 'ENDPOINT_LOOKUP' });
    expect(config.writeBack.signingSecrets).toEqual({ Y99011: 'whsec_abc' });
  });

  it('names the variable at fault, never its value', () => {
    const problem = (env: Record<string, string>) => {
      try {
        meshConfigFromEnv(env);
        return null;
      } catch (error) {
        return error instanceof MeshEnvError ? error.message : 'other';
      }
    };
    expect(problem({ ...base, MESH_PASSWORD: '' })).toBe('MESH_PASSWORD: is required');
    expect(problem({ ...base, MESH_ROUTING: 'SOMETIMES' })).toMatch(/^MESH_ROUTING:/);
    expect(problem({ ...base, MESH_POLL_INTERVAL_MS: '5' })).toMatch(/^MESH_POLL_INTERVAL_MS:/);
    expect(problem({ ...base, MESH_WRITE_BACK_SECRETS: '{"Y99011":"hunter2"}' })).toBe(
      'MESH_WRITE_BACK_SECRETS: the secret for Y99011 must be whsec_...',
    );
  });
});
