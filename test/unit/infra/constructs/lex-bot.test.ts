/** The deployed bot is the catalog: intents, slots, slot types and utterances; the alias hooks fulfillment. */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { catalog } from '../../../../intents/catalog';
import { toBotLocale } from '../../../../intents/lex-definition';
import { resourcesOf, synthStage } from '../support/synth';

let template: Template;

beforeAll(() => {
  template = synthStage('dev').template;
});

const idOf = (prefix: string) => {
  const found = Object.keys(template.toJSON().Resources).find((id) => id.startsWith(prefix));
  if (!found) throw new Error(`no resource ${prefix}*`);
  return found;
};

describe('LexBot', () => {
  it("has the catalog's intents, slots, slot types and utterances in its one locale", () => {
    // Act
    const [[, bot]] = resourcesOf(template, 'AWS::Lex::Bot') as [
      [string, { Properties: { BotLocales: unknown[] } }],
    ];

    // Assess: the template is CloudFormation's PascalCase shape, i.e. what toBotLocale() emits.
    expect(bot.Properties.BotLocales).toEqual([toBotLocale(catalog)]);
    template.hasResourceProperties('AWS::Lex::Bot', {
      Name: 'ChatOps-dev',
      AutoBuildBotLocales: true,
      DataPrivacy: { ChildDirected: false },
      BotLocales: [
        Match.objectLike({
          Intents: Match.arrayWith([
            Match.objectLike({ Name: 'FallbackIntent', ParentIntentSignature: 'AMAZON.FallbackIntent' }),
          ]),
        }),
      ],
    });
  });

  it('versions the built locale and points the alias at that version with fulfillment as code hook', () => {
    // Assess
    template.hasResourceProperties('AWS::Lex::BotVersion', {
      BotId: { 'Fn::GetAtt': [idOf('LexBot'), 'Id'] },
      BotVersionLocaleSpecification: [
        { LocaleId: 'en_US', BotVersionLocaleDetails: { SourceBotVersion: 'DRAFT' } },
      ],
    });
    template.hasResourceProperties('AWS::Lex::BotAlias', {
      BotVersion: { 'Fn::GetAtt': [idOf('LexVersion'), 'BotVersion'] },
      BotAliasLocaleSettings: [
        {
          LocaleId: 'en_US',
          BotAliasLocaleSetting: {
            Enabled: true,
            CodeHookSpecification: {
              LambdaCodeHook: {
                CodeHookInterfaceVersion: '1.0',
                LambdaArn: { 'Fn::GetAtt': [idOf('FulfillmentFunction'), 'Arn'] },
              },
            },
          },
        },
      ],
    });
  });

  it('lets only this alias invoke the fulfillment function', () => {
    // Assess
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'lexv2.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [idOf('FulfillmentFunction'), 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [idOf('LexAlias'), 'Arn'] },
    });
  });

  it('gives the bot a role Lex can assume and nothing else', () => {
    // Prepare
    const roleId = idOf('LexRole');

    // Act
    const policies = resourcesOf(template, 'AWS::IAM::Policy').filter(([, p]) =>
      JSON.stringify(p.Properties.Roles ?? []).includes(roleId),
    );

    // Assess
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'lexv2.amazonaws.com' } })],
      },
    });
    expect(template.toJSON().Resources[roleId].Properties.ManagedPolicyArns).toBeUndefined();
    expect(policies).toEqual([]);
  });

  it('allows the worker lex:RecognizeText on the alias only', () => {
    // Prepare
    const workerRole = idOf('WorkerRole');

    // Act
    const lexStatements = resourcesOf(template, 'AWS::IAM::Policy').flatMap(([, p]) =>
      (
        (p.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement ??
        []
      )
        .filter((s) => JSON.stringify(s.Action).includes('lex:'))
        .map((s) => ({ roles: p.Properties.Roles, statement: s })),
    );

    // Assess
    expect(lexStatements).toEqual([
      {
        roles: [{ Ref: workerRole }],
        statement: expect.objectContaining({
          Action: 'lex:RecognizeText',
          Resource: { 'Fn::GetAtt': [idOf('LexAlias'), 'Arn'] },
        }),
      },
    ]);
  });
});
