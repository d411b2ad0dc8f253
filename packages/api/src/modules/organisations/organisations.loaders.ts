import { loaderById } from '../../platform/db/loaders.js';
import { Organisation } from './organisation.entity.js';

/** Organisations by database id, one SQL statement per batch. */
export const organisationById = loaderById('organisationById', Organisation);
