import type { HubModule } from '../../platform/hub-module.js';
import { markEpsUndeliverable } from './eps/outbox.service.js';
import { PrescribingCostCentre, Prescriber, PrescriptionSequence } from './cost-centre.entity.js';
import { Prescription, PrescriptionItem, PrescriptionTransition } from './prescription.entity.js';
import { EpsMessage } from './eps-message.entity.js';
import { EpsResolver } from './eps/eps.resolver.js';
import { PrescribingSubscriptionResolver } from './prescribing.subscription.js';
import { PrescriptionResolver } from './prescriptions/prescriptions.resolver.js';
import { PrescribingCostCentreResolver } from './cost-centre/cost-centre.resolver.js';
import { seedDemoPrescribing } from './prescribing.seed.js';
import { prescriptionNode } from './prescriptions/prescriptions.node.js';
import { costCentreNode, prescriberNode } from './cost-centre/cost-centre.node.js';

export { PrescribingCostCentre, Prescriber, PrescriptionSequence } from './cost-centre.entity.js';
export { Prescription, PrescriptionItem, PrescriptionTransition } from './prescription.entity.js';
export { EpsMessage } from './eps-message.entity.js';
export { markEpsUndeliverable } from './eps/outbox.service.js';
export { PrescriptionType, PrescribingCostCentreType, PrescriberType } from './prescribing.types.js';
export { toPrescriptionType } from './prescribing.mappers.js';
export { prescribingStream } from './prescribing.events.js';
export { DEMO_PRESCRIBING } from './prescribing.seed.js';
export {
  renderEpsPrescriptionOrder,
  PRESCRIBER_IDENTIFIER_SYSTEMS,
  type EpsContext,
  type EpsItem,
  type EpsPrescription,
} from './eps/order.message.js';
export {
  CONTROLLED_DRUG_LIST,
  controlledDrugSchedule,
  isScheduleOne,
  type CdSchedule,
} from './controlled-drugs.codes.js';

/** The prescribing module as the composition root registers it (docs/architecture.md#adding-a-module). */
export const prescribingModule: HubModule = {
  name: 'prescribing',
  entities: [
    PrescribingCostCentre,
    Prescriber,
    PrescriptionSequence,
    Prescription,
    PrescriptionItem,
    PrescriptionTransition,
    EpsMessage,
  ],
  resolvers: [PrescriptionResolver, EpsResolver, PrescribingSubscriptionResolver, PrescribingCostCentreResolver],
  nodeFetchers: { Prescription: prescriptionNode, Prescriber: prescriberNode, PrescribingCostCentre: costCentreNode },
  seed: (em, demo) => seedDemoPrescribing(em, demo.hub.id, demo.staff),
  onPluginDeliveryGivenUp: markEpsUndeliverable,
};
