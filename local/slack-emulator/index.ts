/** The Slack emulator: a loopback Web API, a request signer and a sender of signed Slack requests. */
export type { CallListener, CallPredicate, RecordedCall } from './call-recorder';
export { SlackEmulatorStoppedError, SlackEmulatorTimeoutError } from './call-recorder';
export type { SlackSenderOptions, SlackSendResult } from './sender';
export { SlackSender } from './sender';
export { type SlackSignatureHeaders, signSlackRequest } from './signer';
export {
  type InjectedFailure,
  type SlackWebApiEmulator,
  type SlackWebApiOptions,
  startSlackWebApi,
} from './web-api';
export { dmChannelFor } from './workspace';
