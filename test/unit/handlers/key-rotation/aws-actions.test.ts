import { keyRotationAwsActions, keyRotationGrants } from '../../../../handlers/key-rotation/aws-actions';
import { testConfig } from './support';

describe('keyRotationGrants', () => {
  it('scopes every action to the configured user path, secret prefix and KMS key, without wildcards in actions', () => {
    // Prepare
    const config = testConfig({
      iamUserPath: '/people/',
      kmsKeyId: 'key/1234abcd-12ab-34cd-56ef-1234567890ab',
    });
    // Act
    const grants = keyRotationGrants(config);
    // Assess
    const actions = grants.flatMap((g) => g.actions);
    expect(actions.every((a) => !a.includes('*'))).toBe(true);
    expect(new Set(actions)).toEqual(new Set(keyRotationAwsActions));
    expect(grants.find((g) => g.actions.includes('iam:CreateAccessKey'))?.resources).toEqual([
      'arn:{partition}:iam::{account}:user/people/*',
    ]);
    expect(grants.find((g) => g.actions.includes('secretsmanager:PutSecretValue'))?.resources).toEqual([
      'arn:{partition}:secretsmanager:{region}:{account}:secret:chatops/access-keys/*',
    ]);
    expect(grants.find((g) => g.actions.includes('kms:Decrypt'))?.resources).toEqual([
      'arn:{partition}:kms:{region}:{account}:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    ]);
    expect(actions).not.toContain('secretsmanager:GetSecretValue');
  });
});
