export {
  claimRows,
  settleRows,
  expiredLeases,
  reapRows,
  redriveRows,
  type ChangedRow,
  type ClaimedRow,
  type DeliveryTable,
  type RetryPolicy,
  type SettledAttempt,
  type Settlement,
} from './delivery.table.js';
export { DeliveryWorker, type DeliveryJob, type DeliveryQueue, type DeliveryWorkerOptions, type DeliveryWorkerSettings } from './delivery.worker.js';
