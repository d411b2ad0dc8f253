export { ERROR_CODES, type ErrorCode } from '@pcn-hub/schema';
