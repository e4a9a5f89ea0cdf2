import {
  CreateSecretCommand,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { SecretsKeyVault, versionToken } from '../../../../handlers/key-rotation/secrets-key-vault';
import { awsFixture, commandNames, FIXTURE_SECRET } from './support';

const OWNER = { userName: 'alice', arn: 'arn:aws:iam::123456789012:user/alice' };
const BREAK_GLASS = 'arn:aws:iam::123456789012:role/BreakGlass';
const KEY = {
  userName: 'alice',
  accessKeyId: 'AKIANEWKEYALICE0WXYZ',
  secretAccessKey: FIXTURE_SECRET,
  createDate: '2026-12-01T12:00:00.000Z',
};

function setup(breakGlassRoleArn?: string) {
  const client = new SecretsManagerClient({ region: 'eu-west-1' });
  const sm = mockClient(client);
  sm.on(CreateSecretCommand).resolves(awsFixture('createSecret'));
  sm.on(PutResourcePolicyCommand).resolves(awsFixture('putResourcePolicy'));
  sm.on(PutSecretValueCommand).resolves(awsFixture('putSecretValue'));
  const vault = new SecretsKeyVault(client, {
    secretPrefix: 'chatops/access-keys/',
    ...(breakGlassRoleArn ? { breakGlassRoleArn } : {}),
  });
  return { sm, vault };
}

describe('SecretsKeyVault', () => {
  it('creates the secret empty, locks it to its owner, then puts the value', async () => {
    // Prepare
    const { sm, vault } = setup(BREAK_GLASS);
    // Act
    const ref = await vault.store(KEY, OWNER, { requestId: 'REQ-5G8H3N7Q' });
    // Assess
    expect(commandNames(sm.calls())).toEqual([
      'CreateSecretCommand',
      'PutResourcePolicyCommand',
      'PutSecretValueCommand',
    ]);
    expect(ref).toEqual({
      name: 'chatops/access-keys/alice',
      arn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:chatops/access-keys/alice-a1B2c3',
    });
    expect(sm.commandCalls(PutSecretValueCommand)[0]?.args[0].input.ClientRequestToken).toBe(
      versionToken('REQ-5G8H3N7Q', KEY.accessKeyId),
    );
  });

  it('lets only the owner and the break-glass role read the secret', async () => {
    // Prepare
    const { sm, vault } = setup(BREAK_GLASS);
    // Act
    await vault.store(KEY, OWNER, { requestId: 'REQ-5G8H3N7Q' });
    // Assess
    const input = sm.commandCalls(PutResourcePolicyCommand)[0]?.args[0].input;
    expect(input?.BlockPublicPolicy).toBe(true);
    const policy = JSON.parse(input?.ResourcePolicy ?? '{}');
    expect(policy.Statement[0]).toMatchObject({
      Effect: 'Allow',
      Principal: { AWS: [OWNER.arn, BREAK_GLASS] },
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
    });
    expect(policy.Statement[1]).toMatchObject({
      Effect: 'Deny',
      Principal: '*',
      Action: 'secretsmanager:GetSecretValue',
      Condition: { StringNotEquals: { 'aws:PrincipalArn': [OWNER.arn, BREAK_GLASS] } },
    });
  });

  it('names only the owner when no break-glass role is configured', async () => {
    // Prepare
    const { sm, vault } = setup();
    // Act
    await vault.store(KEY, OWNER, { requestId: 'REQ-5G8H3N7Q' });
    // Assess
    const policy = JSON.parse(
      sm.commandCalls(PutResourcePolicyCommand)[0]?.args[0].input.ResourcePolicy ?? '{}',
    );
    expect(policy.Statement[0].Principal).toEqual({ AWS: [OWNER.arn] });
  });

  it('reuses the secret of an earlier rotation (ResourceExistsException)', async () => {
    // Prepare
    const { sm, vault } = setup();
    sm.on(CreateSecretCommand).rejects(
      Object.assign(new Error('exists'), { name: 'ResourceExistsException' }),
    );
    // Act
    const ref = await vault.store(KEY, OWNER, { requestId: 'REQ-5G8H3N7Q' });
    // Assess
    expect(ref.name).toBe('chatops/access-keys/alice');
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(1);
  });

  it('turns a failure into ACCESS_KEY_STORE_FAILED naming the AWS error, never the value', async () => {
    // Prepare
    const { sm, vault } = setup();
    sm.on(PutResourcePolicyCommand).rejects(
      Object.assign(new Error('This resource policy contains an unsupported principal.'), {
        name: 'MalformedPolicyDocumentException',
      }),
    );
    // Act
    const error = await vault.store(KEY, OWNER, { requestId: 'REQ-5G8H3N7Q' }).catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({
      code: 'ACCESS_KEY_STORE_FAILED',
      details: { awsError: 'MalformedPolicyDocumentException' },
    });
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(0);
  });
});
