export { Consultation, ConsultationEntry } from './consultation.entity.js';
export { HubConsultationResolver, ConsultationEntryResolver } from './consultations.resolver.js';
export { HubConsultationType, ConsultationEntryType } from './consultations.types.js';
export { openConsultation, recordIssuedMedication, saveNextVersion } from './consultations.saving.js';
export { hubConsultationNode, hubConsultationEntryNode } from './consultations.node.js';
