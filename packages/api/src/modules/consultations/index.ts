import type { HubModule } from '../../platform/hub-module.js';
import { Consultation, ConsultationEntry } from './consultation.entity.js';
import { HubConsultationResolver, ConsultationEntryResolver } from './consultations.resolver.js';
import { hubConsultationNode, hubConsultationEntryNode } from './consultations.node.js';

export { Consultation, ConsultationEntry } from './consultation.entity.js';
export { HubConsultationType, ConsultationEntryType } from './consultations.types.js';
export { openConsultation, recordIssuedMedication, saveNextVersion } from './saving.service.js';

/** The consultations module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const consultationsModule: HubModule = {
  name: 'consultations',
  entities: [Consultation, ConsultationEntry],
  resolvers: [HubConsultationResolver, ConsultationEntryResolver],
  nodeFetchers: { HubConsultation: hubConsultationNode, HubConsultationEntry: hubConsultationEntryNode },
};
