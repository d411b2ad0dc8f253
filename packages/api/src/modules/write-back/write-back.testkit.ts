import type { TestHub } from '../../test/harness.js';
import {
  coded,
  eventually,
  getConsultation,
  recordAndSave,
  type EntryView,
} from '../consultations/consultations.testkit.js';

/** Test helpers for the write-back suites (synthetic demo data only). */

/** The write-back states an entry stays in. */
export const SETTLED_STATES = ['DELIVERED', 'DEAD', 'BLOCKED', 'NOT_REQUIRED', 'DISCARDED'];

/** Records and saves, as `user`, one entry (a coded one unless given) for `nhsNumber`. */
export async function saveEntry(
  hub: TestHub,
  user: string,
  nhsNumber: string,
  entry: Record<string, unknown> = coded(),
): Promise<{ consultationId: string; entry: EntryView }> {
  const c = await recordAndSave(hub, user, { nhsNumber, entries: [entry] });
  return { consultationId: c.id, entry: c.entries[0]! };
}

/**
 * The consultation's first entry, read as `user`, once its write-back is in `state` (in one of the
 * settled states when no state is given); fails after 20 s.
 */
export async function settled(
  hub: TestHub,
  consultationId: string,
  state?: string,
  user = 'hub.anp1',
): Promise<EntryView> {
  return eventually(
    async () => {
      const entry = (await getConsultation(hub, user, consultationId)).entries[0]!;
      const current = entry.writeBack?.state;
      return (state ? current === state : SETTLED_STATES.includes(current ?? '')) ? entry : undefined;
    },
    20_000,
    `write-back ${state ?? 'settled'}`,
  );
}
