import { describe, expect, it } from 'vitest';
import { parseSlotTypeName, sessionSlots, slotTypeName } from './appointments.codes.js';

describe('slot type naming convention <PCN>-<Service>-<Mode>', () => {
  it('parses conventional names', () => {
    expect(parseSlotTypeName('U99001-MinorIllness-F2F')).toEqual({
      pcnOdsCode: 'U99001',
      serviceTag: 'MinorIllness',
      mode: 'FACE_TO_FACE',
    });
    expect(parseSlotTypeName('U12345-Physio2-TEL')?.mode).toBe('TELEPHONE');
    expect(parseSlotTypeName('U12345-EnhancedAccess-VID')?.mode).toBe('VIDEO');
  });

  it('refuses names that break it', () => {
    for (const name of [
      'MinorIllness-F2F',
      'U9900-MinorIllness-F2F',
      'Y99000-MinorIllness-F2F',
      'U99001-minorIllness-F2F',
      'U99001-Minor Illness-F2F',
      'U99001-MinorIllness-FACE',
      'U99001-M-F2F',
      'U99001-MinorIllness-F2F ',
      'u99001-MinorIllness-F2F',
    ]) {
      expect(parseSlotTypeName(name), name).toBeNull();
    }
  });

  it('builds what it parses', () => {
    for (const mode of ['FACE_TO_FACE', 'TELEPHONE', 'VIDEO'] as const) {
      expect(parseSlotTypeName(slotTypeName('U99001', 'Pharmacy', mode))).toEqual({
        pcnOdsCode: 'U99001',
        serviceTag: 'Pharmacy',
        mode,
      });
    }
  });
});

describe('session slots', () => {
  const at = (hhmm: string) => new Date(`2030-01-07T${hhmm}:00Z`);

  it('fills the session back to back and drops a partial last slot', () => {
    const slots = sessionSlots(at('09:00'), at('10:10'), 15);
    expect(slots).toHaveLength(4);
    expect(slots[0]).toEqual({ startsAt: at('09:00'), endsAt: at('09:15') });
    expect(slots[3]).toEqual({ startsAt: at('09:45'), endsAt: at('10:00') });
  });

  it('is empty when not one slot fits', () => {
    expect(sessionSlots(at('09:00'), at('09:10'), 15)).toEqual([]);
  });
});
