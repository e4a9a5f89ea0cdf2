/**
 * The stage's secrets, in Secrets Manager, read by the functions at cold start (Powertools
 * parameters, cached) through the ARNs in their environment:
 * - the Slack app (`{"signingSecret": "…", "botToken": "xoxb-…"}`), put in place after deploy from
 *   the Slack app's settings (README, deploy guide);
 * - the identity key that signs the verified Slack identity in Lex request attributes (generated);
 * - the approval-token HMAC keyring `{"current","previous"}` (generated).
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface ChatOpsSecretsProps {
  readonly stage: string;
  readonly protect: boolean;
}

export class ChatOpsSecrets extends Construct {
  readonly slack: secretsmanager.Secret;
  readonly identityKey: secretsmanager.Secret;
  readonly approvalKey: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: ChatOpsSecretsProps) {
    super(scope, id);
    const removalPolicy = props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.slack = new secretsmanager.Secret(this, 'Slack', {
      secretName: `chatops-${props.stage}/slack`,
      description:
        'Slack app: JSON {"signingSecret","botToken"}; set it after deploy (README). Until then every Slack request is rejected.',
      removalPolicy,
    });
    // `jsonKey`: the key is generated into that field of a JSON object (both keyrings are
    // `{"current","previous"}`: handlers/identity/identity-keys.ts, handlers/approvals/secrets-approval-keys.ts).
    const generatedKey = (name: string, description: string, jsonKey?: string) =>
      new secretsmanager.Secret(this, name, {
        secretName: `chatops-${props.stage}/${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`,
        description,
        removalPolicy,
        generateSecretString: {
          passwordLength: 64,
          excludePunctuation: true,
          includeSpace: false,
          ...(jsonKey ? { secretStringTemplate: '{}', generateStringKey: jsonKey } : {}),
        },
      });
    this.identityKey = generatedKey(
      'IdentityKey',
      'HMAC keyring {"current","previous"} signing the verified Slack identity in Lex request attributes (DESIGN §5)',
      'current',
    );
    // handlers/approvals/secrets-approval-keys.ts reads `{"current","previous"}`, each base64 of
    // ≥ 32 bytes: 64 generated letters and digits decode to 48 bytes.
    this.approvalKey = generatedKey(
      'ApprovalKey',
      'HMAC keyring {"current","previous"} (base64) of the approval tokens in approval links',
      'current',
    );
    Validations.of(this.slack).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The signing secret and bot token are issued by Slack: they are rotated in the Slack app settings (regenerate, reinstall), then put here; Secrets Manager cannot rotate them.',
    });
    Validations.of(this.identityKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by hand (README): a new value invalidates only signatures younger than 5 minutes, so rotation is a deliberate put-secret-value, not a Lambda rotation schedule.',
    });
    Validations.of(this.approvalKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by hand (README): a new key invalidates every pending approval link (tokens live up to the approval TTL), so it is rotated deliberately, between approval waves.',
    });
  }
}
