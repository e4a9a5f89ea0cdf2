/**
 * Lambda entry for the `RECEIVED` sweep (./received-sweeper.ts), run on a schedule (an EventBridge
 * rule every few minutes; the CDK issue wires it). Dependencies are built once per container, the
 * same way as the code hook's. Returns the sweep's report (ids only) for the function's logs.
 */
import { buildDeps } from '../fulfillment.lambda';
import { receivedResumer } from '../received-resume';
import { type ReceivedSweepReport, sweepReceived } from './received-sweeper';

let sweep: (() => Promise<ReceivedSweepReport>) | undefined;

/** Scheduled handler: one sweep. */
export async function handler(): Promise<ReceivedSweepReport> {
  if (!sweep) {
    const deps = buildDeps();
    const sweepDeps = { ledger: deps.ledger, logger: deps.logger, resume: receivedResumer(deps) };
    sweep = () => sweepReceived(sweepDeps);
  }
  return sweep();
}
