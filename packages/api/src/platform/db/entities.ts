import { AuditEvent } from '../audit/audit-event.entity.js';
import { EventLog, StreamHead } from '../events/event-log.entity.js';
import { Organisation, StaffUser } from '../../modules/organisations/index.js';
import { Patient } from '../../modules/patients/index.js';
import { HubService } from '../../modules/hub-services/index.js';
import { CapacityPlan, ConsultationTransition, HubClosure, OcRoutingSetting, OnlineConsultation } from '../../modules/inbox/index.js';
import { IdempotencyKey } from '../idempotency/index.js';
import { Consultation, ConsultationEntry } from '../../modules/consultations/index.js';
import {
  PracticeRecordEntry,
  WriteBackAgreement,
  WriteBackDelivery,
  WriteBackPolicy,
  WriteBackRecord,
  WriteBackTargetSetting,
} from '../../modules/write-back/index.js';
import {
  EpsMessage,
  PrescribingCostCentre,
  Prescriber,
  Prescription,
  PrescriptionItem,
  PrescriptionSequence,
  PrescriptionTransition,
} from '../../modules/prescribing/index.js';
import { AppointmentBook, Slot, SlotType } from '../../modules/appointments/index.js';
import {
  HubRegistration,
  HubTeam,
  OrganisationGroupMember,
  PatientTraceTask,
  Referral,
  ReferralAgreement,
  ReferralTransition,
} from '../../modules/referrals/index.js';

import {
  Plugin,
  PluginApiKey,
  PluginEnablement,
  PluginManifestVersion,
  PluginStreamCursor,
  PluginWebhookDelivery,
  PluginWebhookSecret,
} from '../../modules/plugins/index.js';

import { InboundMessage } from '../../modules/messaging/index.js';
import { PatientReply } from '../../modules/replies/index.js';
import { Attachment, AttachmentChunk } from '../../modules/attachments/index.js';

/** Every entity the ORM maps; modules add theirs here. */
export const ENTITIES = [
  Organisation,
  StaffUser,
  Patient,
  AuditEvent,
  EventLog,
  StreamHead,
  HubService,
  OnlineConsultation,
  ConsultationTransition,
  OcRoutingSetting,
  CapacityPlan,
  HubClosure,
  IdempotencyKey,
  Consultation,
  ConsultationEntry,
  WriteBackAgreement,
  WriteBackPolicy,
  WriteBackRecord,
  WriteBackDelivery,
  WriteBackTargetSetting,
  PracticeRecordEntry,
  PrescribingCostCentre,
  Prescriber,
  PrescriptionSequence,
  Prescription,
  PrescriptionItem,
  PrescriptionTransition,
  EpsMessage,
  PatientReply,
  Attachment,
  AttachmentChunk,
  AppointmentBook,
  SlotType,
  Slot,
  Referral,
  ReferralTransition,
  ReferralAgreement,
  OrganisationGroupMember,
  HubTeam,
  HubRegistration,
  PatientTraceTask,
  Plugin,
  PluginManifestVersion,
  PluginEnablement,
  PluginApiKey,
  PluginWebhookSecret,
  PluginWebhookDelivery,
  PluginStreamCursor,
  InboundMessage,
];
