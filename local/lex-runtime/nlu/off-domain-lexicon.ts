/**
 * What the local NLU knows of requests and topics outside any catalog: verbs of operations a
 * chat-ops bot is asked for but may not offer ("delete", "deploy"), topics a catalog like ours does
 * not serve (money, on-call, office), and nouns so general they name no thing ("time", "stuff").
 *
 * Hand-written for the same reason as chat-lexicon.ts: it is general English, not our domain, and no
 * installed library ships it. Keep each list small and general; a word the catalog's own wording
 * uses is never blocked by it.
 */

/**
 * Verbs of operations people ask a chat-ops bot for that are destructive or administrative. When no
 * intent of the catalog uses such a verb, an utterance led by it is not a request we can serve, even
 * when it names one of our objects ("delete the web-app pipeline"): the NLU then answers with the
 * fallback intent rather than the nearest intent. A verb the catalog does use is only blocked when it
 * leads the request and no sample utterance opens with it ("*deploy* the hotfix", while "is the deploy
 * finished" is ours).
 */
export const UNOFFERED_ACTIONS: ReadonlySet<string> = new Set([
  'delete',
  'remove',
  'destroy',
  'terminate',
  'close',
  'drop',
  'wipe',
  'purge',
  'erase',
  'kill',
  'shut',
  'shutdown',
  'disable',
  'revoke',
  'grant',
  'restart',
  'reboot',
  'rollback',
  'revert',
  'scale',
  'merge',
  'nuke',
  'suspend',
  'increase',
  'decrease',
  'escalate',
  'page',
  'invite',
  'add',
  'rename',
  'pause',
  'move',
  'deploy',
  'redeploy',
  'deactivate',
  'reactivate',
  'decommission',
  'deprovision',
  'cancel',
  'withdraw',
  'activate',
  'enable',
  'upgrade',
  'downgrade',
  'install',
  'edit',
  'change',
  'modify',
  'configure',
  'translate',
  'paste',
  'unlock',
  'lock',
  'schedule',
  'upload',
  'download',
  'publish',
  'archive',
  'restore',
  'transfer',
  'migrate',
  'assign',
  'attach',
  'detach',
  'resize',
  'buy',
  'book',
]);

/**
 * Topics people bring to a chat-ops bot that a catalog like ours does not serve, by kind: money,
 * on-call and incidents, office and HR, code hosting, compute, keys other than IAM access keys, IT
 * support tickets, metrics and opinions, entertainment. An utterance that names one falls back, even
 * when it also names one of our objects ("how much did the etl pipeline cost", "who is on call for
 * payments-api"), unless the catalog's own wording uses the word (then it is ours, never blocked).
 * Words are compared as NLP.js English stems, so "costs", "billing" and "invoices" count too.
 */
export const UNSERVED_TOPICS: ReadonlyMap<string, readonly string[]> = new Map([
  [
    'money',
    [
      'cost',
      'bill',
      'billing',
      'invoice',
      'spend',
      'budget',
      'price',
      'expensive',
      'cheap',
      'charge',
      'refund',
      'sales',
      'salesforce',
      'revenue',
      'crm',
      'savings',
    ],
  ],
  [
    'on-call',
    [
      'oncall',
      'pager',
      'pagerduty',
      'roster',
      'shift',
      'outage',
      'incident',
      'sev1',
      'sev2',
      'downtime',
      'down',
      'postmortem',
      'escalation',
      'alert',
      'alarm',
    ],
  ],
  [
    'office',
    [
      'vacation',
      'holiday',
      'pto',
      'sick',
      'payroll',
      'salary',
      'bonus',
      'expense',
      'reimbursement',
      'timesheet',
      'desk',
      'chair',
      'laptop',
      'printer',
      'wifi',
      'wi-fi',
      'office',
      'keycard',
      'badge',
      'parking',
      'meeting',
      'lunch',
      'coffee',
      'canteen',
      'pizza',
      'all-hands',
      'townhall',
      'offsite',
      'interview',
      'hiring',
      'recruiting',
      'recruiter',
      'referral',
      'candidate',
      'headcount',
      'okr',
      'birthday',
    ],
  ],
  ['code hosting', ['gitlab', 'bitbucket', 'repo', 'repository', 'pr', 'prs']],
  [
    'compute',
    [
      'pod',
      'kubernetes',
      'k8s',
      'container',
      'ec2',
      'ecs',
      'eks',
      'nginx',
      'server',
      'vm',
      'cluster',
      'database',
      'rds',
    ],
  ],
  ['other secrets', ['kms', 'ssh', 'gpg', 'pgp', 'tls', 'ssl']],
  [
    'metrics and opinions',
    [
      'average',
      'dashboard',
      'graph',
      'opinion',
      'imo',
      'imho',
      'tbh',
      'dumb',
      'stupid',
      'pointless',
      'useless',
      'scary',
      'embarrassing',
      'embarassing',
      'mess',
      'sucks',
      'hate',
    ],
  ],
  ['it-support', ['ticket', 'jira', 'helpdesk', 'servicenow', 'password']],
  [
    'entertainment',
    [
      'joke',
      'funny',
      'laugh',
      'poem',
      'song',
      'story',
      'riddle',
      'weather',
      'movie',
      'music',
      'game',
      'football',
      'news',
    ],
  ],
]);

/**
 * Nouns so general that they name no thing of any domain ("one more *time*", "this *thing*"): the
 * out-of-domain gate never counts them as a thing the catalog does not know.
 */
export const GENERAL_NOUNS: ReadonlySet<string> = new Set([
  'thing',
  'things',
  'stuff',
  'time',
  'times',
  'way',
  'one',
  'ones',
  'bit',
  'lot',
  'moment',
  'minute',
  'second',
  'day',
  'today',
  'tomorrow',
  'yesterday',
  'week',
  'question',
  'questions',
  'idea',
  'someone',
  'something',
  'anything',
  'everything',
  'people',
  'folks',
  'guys',
  'team',
  'sec',
  'min',
]);

/**
 * Questions no chat-ops catalog answers, by how they open: how something works or why it is so
 * ("how does codepipeline pick a commit", "why do we rotate keys at all", "what happens to the old
 * key", "explain …"), and who did something or when ("who approved the last deploy", "when was the
 * kms key last rotated", "how long did approvals take") — history that an audit trail or a
 * dashboard, not a bot's intent, answers. Status questions
 * ("how did the last build go", "why is web-app failing", "how is payments-api doing") open otherwise.
 */
export const UNSERVED_QUESTION =
  /^(?:(?:honestly|so|and|but|ok|okay|sorry|hmm|also|quick question)[,:]?\s+)*(?:how (?:does|do|can|should|would) (?!you\b)|why (?:does|do|would|should) |what happens |what(?: is|'s|s) the diff(?:erence)? |whats the diff |(?:can|could) you explain |explain |who (?:\w+ed|broke|made|wrote|did|set|built|gave|took|ran|pushed|has been|have been|are|owns|manages|maintains|runs|should|do|does|can|originally|is (?:our|the|in charge|responsible)) |when (?:was|did|were) |how long (?:did|does|do|will) )|\bwhat (?:does|do) (?:it|this|that|these|those) mean\b/i;
