/** What RotateAccessKey needs from outside, and the factory that builds it from ports and config. */
import type { IamUserDirectory } from './iam-users.port';

export interface KeyRotationDeps {
  iamUsers: IamUserDirectory;
}

/**
 * RotateAccessKey's deps from its ports (the IAM adapter in AWS, the sandbox world locally).
 * @example
 * const deps = keyRotationDeps({ iamUsers: new SandboxCloud() });
 */
export function keyRotationDeps(ports: { iamUsers: IamUserDirectory }): KeyRotationDeps {
  return { iamUsers: ports.iamUsers };
}
