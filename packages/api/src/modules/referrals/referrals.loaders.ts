import { loaderById, loaderByParent } from '../../platform/db/loaders.js';
import { Patient, patientScope } from '../patients/index.js';
import { HubTeam } from './referral-setup.entity.js';
import { Referral, ReferralTransition } from './referral.entity.js';

/** Patients by id, limited to those the viewer may see; one statement per batch. */
export const visiblePatientById = loaderById('referrals.visiblePatientById', Patient, (c) =>
  c.actor ? patientScope(c.actor) : null,
);

/** Referral histories, oldest first; one statement per batch. */
export const historyByReferral = loaderByParent('referrals.historyByReferral', ReferralTransition, 'referral', {
  id: 'asc',
});

/** Hub teams by id; one statement per batch. */
export const teamById = loaderById('referrals.teamById', HubTeam);

/** Referrals by id (visibility is the caller's concern); one statement per batch. */
export const referralById = loaderById('referrals.referralById', Referral);
