/**
 * The Lex V2 bot, built from the intent catalog (intents/ → `toBotLocale()` → the typed camelCase
 * `CfnBot` locale of infra/lex/cfn-bot-locale.ts, so CfnBot validates it). A numbered version of
 * the built locale, an alias on that version whose locale code hook is the fulfillment function
 * (AWS::Lex::BotAlias BotAliasLocaleSettings → CodeHookSpecification → LambdaCodeHook,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lex-botalias-botaliaslocalesettings.html),
 * and a Lambda permission for `lexv2.amazonaws.com` from that alias only.
 */
import { createHash } from 'node:crypto';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lex from 'aws-cdk-lib/aws-lex';
import { Construct } from 'constructs';
import { catalog } from '../../intents/catalog';
import { toBotLocale } from '../../intents/lex-definition';
import type { IntentRegistry } from '../../intents/registry';
import { toCfnBotLocale } from '../lex/cfn-bot-locale';

export interface LexBotProps {
  readonly botName: string;
  readonly fulfillment: lambda.IFunction;
  readonly catalog?: IntentRegistry;
  /** Idle session timeout; Lex keeps the dialog state this long. */
  readonly idleSessionTtlInSeconds?: number;
}

/** Lambda code hook payload version Lex V2 sends (the only one defined). */
const CODE_HOOK_INTERFACE_VERSION = '1.0';

export class LexBot extends Construct {
  readonly bot: lex.CfnBot;
  readonly version: lex.CfnBotVersion;
  readonly alias: lex.CfnBotAlias;
  readonly role: iam.Role;
  readonly localeId: string;

  constructor(scope: Construct, id: string, props: LexBotProps) {
    super(scope, id);
    const locale = toCfnBotLocale(toBotLocale(props.catalog ?? catalog));
    this.localeId = locale.localeId;
    // Text-only bot without sentiment analysis or Polly voices: Lex needs a role to assume, and
    // nothing else (https://docs.aws.amazon.com/lexv2/latest/dg/security_iam_service-with-iam.html).
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com'),
      description: `Runtime role of the ${props.botName} Lex V2 bot (text only: no permissions needed)`,
    });
    this.bot = new lex.CfnBot(this, 'Bot', {
      name: props.botName,
      description: 'ChatOps bot, generated from the intent catalog (intents/).',
      roleArn: this.role.roleArn,
      // CfnBot types DataPrivacy as untyped JSON, so it takes CloudFormation's own casing.
      dataPrivacy: { ChildDirected: false },
      idleSessionTtlInSeconds: props.idleSessionTtlInSeconds ?? 300,
      autoBuildBotLocales: true,
      botLocales: [locale],
    });
    // A new numbered version whenever the locale changes (the digest is in its description).
    const digest = createHash('sha256').update(JSON.stringify(locale)).digest('hex').slice(0, 16);
    this.version = new lex.CfnBotVersion(this, 'Version', {
      botId: this.bot.attrId,
      description: `catalog ${digest}`,
      botVersionLocaleSpecification: [
        { localeId: locale.localeId, botVersionLocaleDetails: { sourceBotVersion: 'DRAFT' } },
      ],
    });
    this.alias = new lex.CfnBotAlias(this, 'Alias', {
      botId: this.bot.attrId,
      botAliasName: 'live',
      description: 'The alias the Slack worker talks to; its code hook is the fulfillment function.',
      botVersion: this.version.attrBotVersion,
      botAliasLocaleSettings: [
        {
          localeId: locale.localeId,
          botAliasLocaleSetting: {
            enabled: true,
            codeHookSpecification: {
              lambdaCodeHook: {
                codeHookInterfaceVersion: CODE_HOOK_INTERFACE_VERSION,
                lambdaArn: props.fulfillment.functionArn,
              },
            },
          },
        },
      ],
    });
    props.fulfillment.addPermission('InvokedByLexAlias', {
      principal: new iam.ServicePrincipal('lexv2.amazonaws.com'),
      action: 'lambda:InvokeFunction',
      sourceArn: this.alias.attrArn,
    });
  }

  /** `lex:RecognizeText` on this alias only (the Slack worker's one Lex call). */
  grantRecognizeText(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['lex:RecognizeText'], resources: [this.alias.attrArn] }),
    );
  }
}
