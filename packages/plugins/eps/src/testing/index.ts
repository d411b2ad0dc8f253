/**
 * `@pcn-hub/plugin-eps/testing`: a local EPS test double (`$process-message` on a loopback port)
 * that checks the shape of each message and answers as EPS would. Tests only.
 */
export { startEpsServiceDouble, type EpsServiceDouble, type ReceivedMessage } from './eps-service.js';
export { checkEpsMessage, type MessageFacts, type ShapeIssue } from './eps-shape.js';
