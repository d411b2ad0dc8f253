import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../platform/config.js';

const base = { PCN_HUB_DATA_DIR: 'memory://', JWT_SECRET: 'x'.repeat(32) };

describe('demo settings', () => {
  it('seeds the demo activity by default only in development with the demo PCN seeded', () => {
    expect(parseConfig({ ...base, NODE_ENV: 'development' }).seedDemoActivity).toBe(true);
    expect(parseConfig({ ...base, NODE_ENV: 'development', SEED_ON_START: 'false' }).seedDemoActivity).toBe(false);
    expect(parseConfig({ ...base, NODE_ENV: 'test' }).seedDemoActivity).toBe(false);
    expect(parseConfig({ ...base, NODE_ENV: 'production' }).seedDemoActivity).toBe(false);
    expect(parseConfig({ ...base, NODE_ENV: 'test', SEED_DEMO_ACTIVITY: 'true' }).seedDemoActivity).toBe(true);
    expect(() => parseConfig({ ...base, SEED_DEMO_ACTIVITY: 'yes please' })).toThrow(/SEED_DEMO_ACTIVITY/);
  });

  it('keeps demo traffic off by default and refuses it in production', () => {
    expect(parseConfig({ ...base }).demoTrafficSeconds).toBe(0);
    expect(parseConfig({ ...base, DEMO_TRAFFIC_SECONDS: '5' }).demoTrafficSeconds).toBe(5);
    expect(() => parseConfig({ ...base, DEMO_TRAFFIC_SECONDS: '-1' })).toThrow(/DEMO_TRAFFIC_SECONDS/);
    const refused = (() => {
      try {
        parseConfig({ ...base, NODE_ENV: 'production', DEMO_TRAFFIC_SECONDS: '5' });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as Error).message).toContain('DEMO_TRAFFIC_SECONDS');
  });
});
