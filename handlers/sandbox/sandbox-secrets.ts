/**
 * The sandbox twin of Secrets Manager for key rotation (DESIGN §4): keeps each secret's versions
 * in memory, never logs or returns a value, and has a failure switch (`failNextStores`) so the
 * rollback of a new key can be seen offline (the terminal chat and the tests flip it).
 */
import type {
  AwsCallContext,
  IamUser,
  KeyVault,
  NewAccessKey,
  StoredKeyRef,
} from '../key-rotation/access-keys.port';
import { AccessKeyStoreError } from '../key-rotation/key-rotation.errors';
import { keySecretPolicy } from '../key-rotation/secret-policy';
import { keySecretName } from '../key-rotation/secrets-key-vault';
import { SANDBOX_ACCOUNT_ID } from './sandbox-iam';
import { SANDBOX_REGION } from './sandbox-world';

interface SandboxSecret {
  arn: string;
  policy: string;
  versions: { token: string; value: string }[];
}

export class SandboxSecrets implements KeyVault {
  private readonly secrets = new Map<string, SandboxSecret>();
  /** How many of the next stores fail (the rollback switch). */
  failNextStores = 0;

  constructor(private readonly options: { secretPrefix: string; breakGlassRoleArn?: string }) {}

  async store(key: NewAccessKey, owner: IamUser, ctx: AwsCallContext): Promise<StoredKeyRef> {
    if (this.failNextStores > 0) {
      this.failNextStores -= 1;
      throw new AccessKeyStoreError(key.userName, 'InternalServiceError');
    }
    const name = keySecretName(this.options.secretPrefix, key.userName);
    const secret = this.secrets.get(name) ?? {
      arn: `arn:aws:secretsmanager:${SANDBOX_REGION}:${SANDBOX_ACCOUNT_ID}:secret:${name}-Sbx123`,
      policy: '',
      versions: [],
    };
    secret.policy = keySecretPolicy(owner.arn, this.options.breakGlassRoleArn);
    secret.versions.push({ token: ctx.requestId, value: JSON.stringify(key) });
    this.secrets.set(name, secret);
    return { name, arn: secret.arn };
  }

  /** The resource policy of a secret (tests check its principals). */
  policyOf(name: string): string | undefined {
    return this.secrets.get(name)?.policy;
  }

  /** The current value (tests only: the leak test needs to know what must never appear). */
  currentValue(name: string): string | undefined {
    return this.secrets.get(name)?.versions.at(-1)?.value;
  }
}
