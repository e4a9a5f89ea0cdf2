/**
 * The resource policy of a key secret (pure): only the key's owner — and the break-glass role,
 * when config names one — may read it. An Allow for those principals, and a Deny of
 * GetSecretValue for every other principal (`aws:PrincipalArn`), so an over-broad identity
 * policy elsewhere in the account cannot read it either. ChatOps itself never reads the secret.
 * Principals and conditions: https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn.
 */

/** The principals allowed to read the secret: the owner first, then the break-glass role. */
export function secretReaders(ownerArn: string, breakGlassRoleArn?: string): string[] {
  return breakGlassRoleArn ? [ownerArn, breakGlassRoleArn] : [ownerArn];
}

/** The policy document as the JSON string Secrets Manager's PutResourcePolicy takes. */
export function keySecretPolicy(ownerArn: string, breakGlassRoleArn?: string): string {
  const readers = secretReaders(ownerArn, breakGlassRoleArn);
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OnlyTheOwnerReads',
        Effect: 'Allow',
        Principal: { AWS: readers },
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: '*',
      },
      {
        Sid: 'NobodyElseReads',
        Effect: 'Deny',
        Principal: '*',
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:PrincipalArn': readers } },
      },
    ],
  });
}
