import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
} from '@aws-sdk/client-iam';
import {
  CreateSecretCommand,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { IamAccessKeys } from '../../../../handlers/key-rotation/iam-access-keys';
import { keyRotationCapability } from '../../../../handlers/key-rotation/key-rotation.capability';
import { keyRotationDeps } from '../../../../handlers/key-rotation/key-rotation.deps';
import { MemoryKeySchedule } from '../../../../handlers/key-rotation/memory-key-schedule';
import { rotateAccessKey } from '../../../../handlers/key-rotation/rotate-key.executor';
import { SecretsKeyVault } from '../../../../handlers/key-rotation/secrets-key-vault';
import { expectDeclared, recordAws } from '../../../kit';
import { awsFixture, FIXTURE_SECRET, noSleep, rotationRequest, testConfig } from './support';

const NOW = new Date('2026-12-01T12:00:00.000Z');

function setup() {
  const iamClient = new IAMClient({ region: 'eu-west-1' });
  const smClient = new SecretsManagerClient({ region: 'eu-west-1' });
  // The kit's recorder: mocks as aws-sdk-client-mock does, and reads every call as an IAM action.
  const aws = recordAws();
  const iam = aws.mock(iamClient);
  const sm = aws.mock(smClient);
  const log: string[] = [];
  const keySchedule = new MemoryKeySchedule();
  const deps = keyRotationDeps({
    accessKeys: new IamAccessKeys(iamClient),
    keyVault: new SecretsKeyVault(smClient, {
      secretPrefix: 'chatops/access-keys/',
      kmsKeyId: 'alias/chatops-keys',
      breakGlassRoleArn: 'arn:aws:iam::123456789012:role/BreakGlass',
    }),
    keySchedule,
    clock: () => NOW,
    retry: noSleep,
  });
  const on =
    <T>(name: string, output: T | (() => T)) =>
    () => {
      log.push(name);
      return typeof output === 'function' ? (output as () => T)() : output;
    };
  iam.on(GetUserCommand).callsFake(on('GetUser', awsFixture('getUser')));
  iam.on(CreateAccessKeyCommand).callsFake(on('CreateAccessKey', awsFixture('createAccessKey')));
  iam.on(DeleteAccessKeyCommand).callsFake(on('DeleteAccessKey', {}));
  sm.on(CreateSecretCommand).callsFake(on('CreateSecret', awsFixture('createSecret')));
  sm.on(PutResourcePolicyCommand).callsFake(on('PutResourcePolicy', awsFixture('putResourcePolicy')));
  sm.on(PutSecretValueCommand).callsFake(on('PutSecretValue', awsFixture('putSecretValue')));
  return { aws, iam, sm, log, deps, keySchedule, on };
}

/** ListAccessKeys answers in turn (the last one repeats). */
function listAnswers(ctx: ReturnType<typeof setup>, ...answers: Record<string, unknown>[]) {
  let i = 0;
  ctx.iam
    .on(ListAccessKeysCommand)
    .callsFake(ctx.on('ListAccessKeys', () => answers[Math.min(i++, answers.length - 1)]));
}

const withNewKey = () => {
  const list = awsFixture<{ AccessKeyMetadata: Record<string, unknown>[] }>('listOneKey');
  list.AccessKeyMetadata.push({
    UserName: 'alice',
    AccessKeyId: 'AKIANEWKEYALICE0WXYZ',
    Status: 'Active',
    CreateDate: NOW,
  });
  return list;
};

describe('rotateAccessKey', () => {
  it('makes the IAM and Secrets Manager calls in order and schedules the old key', async () => {
    // Prepare
    const ctx = setup();
    listAnswers(ctx, awsFixture('listOneKey'), withNewKey());
    // Act
    const result = await rotateAccessKey({ request: rotationRequest() }, ctx.deps, testConfig());
    // Assess
    expect(ctx.log).toEqual([
      'GetUser',
      'ListAccessKeys',
      'CreateAccessKey',
      'CreateSecret',
      'PutResourcePolicy',
      'PutSecretValue',
      'ListAccessKeys',
    ]);
    expect(ctx.iam.commandCalls(CreateAccessKeyCommand)[0]?.args[0].input).toEqual({ UserName: 'alice' });
    expect(ctx.sm.commandCalls(CreateSecretCommand)[0]?.args[0].input).toMatchObject({
      Name: 'chatops/access-keys/alice',
      KmsKeyId: 'alias/chatops-keys',
    });
    expect(ctx.sm.commandCalls(CreateSecretCommand)[0]?.args[0].input).not.toHaveProperty('SecretString');
    const put = ctx.sm.commandCalls(PutSecretValueCommand)[0]?.args[0].input;
    expect(JSON.parse(put?.SecretString ?? '{}')).toMatchObject({
      AccessKeyId: 'AKIANEWKEYALICE0WXYZ',
      SecretAccessKey: FIXTURE_SECRET,
    });
    expect(put?.ClientRequestToken).toMatch(/^[0-9a-f]{64}$/);
    expect(await ctx.keySchedule.get('REQ-5G8H3N7Q')).toMatchObject({
      accessKeyId: 'AKIAOLDKEYALICE0ABCD',
      state: 'SCHEDULED',
      deactivateAt: '2026-12-08T12:00:00.000Z',
      deleteAt: '2026-12-15T12:00:00.000Z',
      secretName: 'chatops/access-keys/alice',
    });
    expect(result.message).toContain('chatops/access-keys/alice');
    expect(result.message).toContain(
      'https://eu-west-1.console.aws.amazon.com/secretsmanager/secret?name=chatops%2Faccess-keys%2Falice&region=eu-west-1',
    );
    expect(result.message).toContain('deactivated on 2026-12-08 and deleted on 2026-12-15');
    expect(JSON.stringify(result)).not.toContain(FIXTURE_SECRET);
    expect(() => expectDeclared(ctx.aws, keyRotationCapability, testConfig())).not.toThrow();
  });

  it('retries ListAccessKeys with backoff until the new key is visible (IAM eventual consistency)', async () => {
    // Prepare
    const ctx = setup();
    const slept: number[] = [];
    ctx.deps.retry = { attempts: 4, baseDelayMs: 100, sleep: async (ms) => void slept.push(ms) };
    listAnswers(
      ctx,
      awsFixture('listOneKey'),
      awsFixture('listOneKey'),
      awsFixture('listOneKey'),
      withNewKey(),
    );
    // Act
    await rotateAccessKey({ request: rotationRequest() }, ctx.deps, testConfig());
    // Assess
    expect(ctx.iam.commandCalls(ListAccessKeysCommand)).toHaveLength(4);
    expect(slept).toEqual([100, 200]);
  });

  it('refuses on IAM LimitExceeded without storing anything', async () => {
    // Prepare
    const ctx = setup();
    listAnswers(ctx, awsFixture('listOneKey'));
    ctx.iam.on(CreateAccessKeyCommand).rejects(
      Object.assign(new Error('Cannot exceed quota for AccessKeysPerUser: 2'), {
        name: 'LimitExceededException',
      }),
    );
    // Act
    const run = rotateAccessKey({ request: rotationRequest() }, ctx.deps, testConfig());
    // Assess
    await expect(run).rejects.toMatchObject({ code: 'ACCESS_KEY_LIMIT' });
    expect(ctx.sm.calls()).toHaveLength(0);
    expect(await ctx.keySchedule.listOpen()).toEqual([]);
  });

  it('refuses two active keys before creating anything (never touches an active key)', async () => {
    // Prepare
    const ctx = setup();
    listAnswers(ctx, awsFixture('listTwoActiveKeys'));
    // Act
    const run = rotateAccessKey({ request: rotationRequest() }, ctx.deps, testConfig());
    // Assess
    await expect(run).rejects.toMatchObject({ code: 'ACCESS_KEY_LIMIT' });
    expect(ctx.log).toEqual(['GetUser', 'ListAccessKeys']);
  });

  it('deletes only the inactive key when the user has two, then retires the active one', async () => {
    // Prepare
    const ctx = setup();
    listAnswers(ctx, awsFixture('listTwoKeysOneInactive'), withNewKey());
    // Act
    await rotateAccessKey({ request: rotationRequest() }, ctx.deps, testConfig());
    // Assess
    expect(ctx.log.slice(0, 4)).toEqual(['GetUser', 'ListAccessKeys', 'DeleteAccessKey', 'CreateAccessKey']);
    expect(ctx.iam.commandCalls(DeleteAccessKeyCommand).map((c) => c.args[0].input)).toEqual([
      { UserName: 'alice', AccessKeyId: 'AKIAOLDERKEYALICEZZZ' },
    ]);
    expect((await ctx.keySchedule.get('REQ-5G8H3N7Q'))?.accessKeyId).toBe('AKIAOLDKEYALICE0ABCD');
  });

  it('rolls the new key back when Secrets Manager fails, retrying while IAM does not see it yet', async () => {
    // Prepare
    const ctx = setup();
    listAnswers(ctx, awsFixture('listOneKey'));
    ctx.sm
      .on(PutSecretValueCommand)
      .rejects(Object.assign(new Error(`boom ${FIXTURE_SECRET}`), { name: 'InternalServiceError' }));
    ctx.iam
      .on(DeleteAccessKeyCommand)
      .rejectsOnce(Object.assign(new Error('not yet'), { name: 'NoSuchEntityException' }))
      .resolves({});
    // Act
    const run = rotateAccessKey({ request: rotationRequest() }, ctx.deps, testConfig());
    // Assess
    const error = await run.catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'ACCESS_KEY_STORE_FAILED',
      details: { awsError: 'InternalServiceError' },
    });
    expect(JSON.stringify(error)).not.toContain(FIXTURE_SECRET);
    expect(String((error as Error).message)).not.toContain(FIXTURE_SECRET);
    expect(ctx.iam.commandCalls(DeleteAccessKeyCommand).map((c) => c.args[0].input)).toEqual([
      { UserName: 'alice', AccessKeyId: 'AKIANEWKEYALICE0WXYZ' },
      { UserName: 'alice', AccessKeyId: 'AKIANEWKEYALICE0WXYZ' },
    ]);
    expect(
      ctx.iam
        .commandCalls(DeleteAccessKeyCommand)
        .some((c) => c.args[0].input.AccessKeyId === 'AKIAOLDKEYALICE0ABCD'),
    ).toBe(false);
    expect(await ctx.keySchedule.listOpen()).toEqual([]);
  });
});
