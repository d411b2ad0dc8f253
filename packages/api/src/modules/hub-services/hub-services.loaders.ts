import { loaderById } from '../../platform/db/loaders.js';
import { HubService } from './hub-service.entity.js';

/** Hub services by database id, one SQL statement per batch. Visibility is the caller's concern. */
export const hubServiceById = loaderById('hubServiceById', HubService);
