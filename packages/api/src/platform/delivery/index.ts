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
export { DeliveryWorker } from './delivery.worker.js';
export type { DeliveryJob, DeliveryQueue, DeliveryWorkerOptions, DeliveryWorkerSettings } from './delivery.queue.js';
