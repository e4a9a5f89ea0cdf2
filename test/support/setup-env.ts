/** Jest setup file (both projects): the shared test identity key, unless the caller chose one. */
import { TEST_IDENTITY_KEY } from '../kit/identity';

process.env.CHATOPS_IDENTITY_KEY ??= TEST_IDENTITY_KEY;
