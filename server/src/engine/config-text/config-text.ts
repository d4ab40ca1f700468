// The messages about wsclose.config.json (syntax errors, invalid values, unknown names): one
// catalog per locale. Templates use `{name}` placeholders (core/text/render-template). JSON names
// and values stay in straight double quotes, as they are written in the file.
import type { printParseErrorCode } from 'jsonc-parser';

export type SyntaxErrorName = ReturnType<typeof printParseErrorCode>;

export interface ConfigText {
  /** A JSON syntax error, without the final period. */
  readonly syntax: Readonly<Record<SyntaxErrorName, string>>;
  /** How a JSON value is named after "not": `{value}` is the string or number as written. */
  readonly values: {
    readonly object: string;
    readonly array: string;
    readonly string: string;
    readonly number: string;
    readonly boolean: string;
    readonly null: string;
  };
  /** `{suggestion}`: the closest known name; added after the message. */
  readonly didYouMean: string;
  readonly messages: Readonly<Record<ConfigMessageId, string>>;
}

export type ConfigMessageId =
  | 'empty'
  | 'singleQuotes'
  | 'unexpectedSymbol'
  | 'unexpectedEnd'
  | 'cannotRead'
  | 'invalidConfig'
  | 'duplicateProperty'
  | 'notAnObject'
  | 'schemaNotString'
  | 'reportUnusedDirectives'
  | 'unknownProperty'
  | 'allowedProperties'
  | 'rulesNotObject'
  | 'unknownRule'
  | 'knownRules'
  | 'invalidSeverity'
  | 'severityMissing'
  | 'extraElement'
  | 'optionsNotObject'
  | 'noOptions'
  | 'unknownOption'
  | 'ruleOptions'
  | 'optionNotBoolean'
  | 'optionWrongType'
  | 'profilesNotObject'
  | 'unknownProfile'
  | 'knownProfiles'
  | 'profileNotBoolean'
  | 'codesNotArray'
  | 'duplicateCode'
  | 'codeEntryNotObject'
  | 'codeNotInteger'
  | 'codeOutOfRange'
  | 'nameNotString'
  | 'descriptionNotString'
  | 'reconnectInvalid'
  | 'unknownCodeProperty'
  | 'allowedCodeProperties'
  | 'codeMissing'
  | 'nameMissing'
  | 'runtimesNotObject'
  | 'runtimeNotString'
  | 'unknownRuntime'
  | 'useRuntimes'
  | 'ignoreNotArray'
  | 'ignoreEntryNotString'
  | 'emptyGlob'
  | 'absoluteGlob'
  | 'parentGlob'
  | 'unclosedGlob'
  | 'invalidGlob';
