/**
 * TypeScript types for the parts of CloudFormation's `AWS::Lex::Bot` `BotLocales` item that the
 * catalog produces (PascalCase, exactly as in the CloudFormation template reference:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lex-bot-botlocale.html).
 * The CDK stack passes this object to `CfnBot` via a property override; the local Lex runtime reads it.
 */

export interface PlainTextMessageGroup {
  Message: { PlainTextMessage: { Value: string } };
  Variations?: { PlainTextMessage: { Value: string } }[];
}

export interface PromptSpecification {
  MessageGroupsList: PlainTextMessageGroup[];
  MaxRetries: number;
  AllowInterrupt?: boolean;
  /** `Ordered`: the first group for the first prompt, the next ones for retries. */
  MessageSelectionStrategy?: 'Random' | 'Ordered';
}

export interface ResponseSpecification {
  MessageGroupsList: PlainTextMessageGroup[];
  AllowInterrupt?: boolean;
}

export interface LexSlot {
  Name: string;
  Description?: string;
  SlotTypeName: string;
  ValueElicitationSetting: {
    SlotConstraint: 'Required' | 'Optional';
    PromptSpecification: PromptSpecification;
    SampleUtterances?: { Utterance: string }[];
  };
}

export interface LexIntent {
  Name: string;
  Description?: string;
  ParentIntentSignature?: string;
  SampleUtterances?: { Utterance: string }[];
  DialogCodeHook?: { Enabled: boolean };
  FulfillmentCodeHook?: { Enabled: boolean };
  IntentConfirmationSetting?: {
    PromptSpecification: PromptSpecification;
    DeclinationResponse: ResponseSpecification;
    IsActive?: boolean;
  };
  Slots?: LexSlot[];
  SlotPriorities?: { Priority: number; SlotName: string }[];
}

export interface LexSlotType {
  Name: string;
  Description?: string;
  SlotTypeValues: { SampleValue: { Value: string }; Synonyms?: { Value: string }[] }[];
  ValueSelectionSetting: { ResolutionStrategy: 'ORIGINAL_VALUE' | 'TOP_RESOLUTION' };
}

export interface LexBotLocale {
  LocaleId: string;
  Description?: string;
  NluConfidenceThreshold: number;
  SlotTypes: LexSlotType[];
  Intents: LexIntent[];
}
