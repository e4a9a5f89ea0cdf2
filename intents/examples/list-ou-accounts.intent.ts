/**
 * ListOuAccounts — the worked example of a read-only intent a team adds (CONTRIBUTING.md, "Add an
 * intent"): the accounts directly in one organizational unit. Shipped disabled; config
 * `examples.enabled` turns it on (handlers/examples/).
 */
import { defineIntent } from '../define-intent';
import { organizationalUnitValues } from '../vend-account.intent';

export const listOuAccountsIntent = defineIntent({
  id: 'ListOuAccounts',
  description: 'List the AWS accounts in an organizational unit.',
  examples: ['list the accounts in Workloads', 'which accounts are in the Security OU?'],
  utterances: [
    'list the accounts in {OrganizationalUnit}',
    'list accounts in {OrganizationalUnit}',
    'which accounts are in {OrganizationalUnit}',
    'which accounts are in the {OrganizationalUnit} OU',
    'show the accounts under {OrganizationalUnit}',
    'what accounts does {OrganizationalUnit} have',
    'accounts in the {OrganizationalUnit} organizational unit',
    'list the accounts in an OU',
    'which accounts are in an organizational unit',
    'show me the accounts of an OU',
  ],
  slotTypes: [organizationalUnitValues],
  slots: [
    {
      name: 'OrganizationalUnit',
      description: 'The organizational unit whose accounts to list.',
      type: 'OrganizationalUnitValues',
      required: true,
      priority: 1,
      prompt: 'Which organizational unit?',
      retryPrompt: 'Please name an organizational unit, e.g. Workloads or Security.',
      sampleUtterances: ['in {OrganizationalUnit}', 'the {OrganizationalUnit} OU', '{OrganizationalUnit}'],
    },
  ],
  sideEffect: 'read',
  approval: 'never',
  requiredRoles: [],
  tracked: true,
  dialogHook: true,
});
