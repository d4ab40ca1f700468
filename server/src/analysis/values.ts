// What the evaluator knows about an argument: every value it can take, branch by branch.
import type * as ts from 'typescript';

/** Where an otherwise unknown value came from, when that alone says it is wrong for close(). */
export type ValueOrigin =
  | 'received-close-code' // a CloseEvent's code or a 'close' listener's code parameter
  | 'error-code' // `.code` of a caught error / Error object (a string or errno)
  | 'http-status'; // `.status` / `.statusCode` of an HTTP response or request

/** Text whose length nobody bounded. */
export type UnboundedSource = 'error-text' | 'serialized' | 'client-input';

export type PossibleValue =
  | { readonly kind: 'number'; readonly value: number; readonly node?: ts.Node }
  | { readonly kind: 'string'; readonly value: string; readonly node?: ts.Node }
  | { readonly kind: 'undefined'; readonly node?: ts.Node }
  /** A string with some known parts: at least `minBytes` UTF-8 bytes. */
  | {
      readonly kind: 'partial-string';
      readonly minBytes: number;
      readonly unbounded?: UnboundedSource;
      /** Set when the text went through a length limit (slice/substring/truncate…). */
      readonly limited: boolean;
      /**
       * The parts written in the code, in order, with a space where a part is unknown
       * (`Rejected by plugin '${name}'` → "Rejected by plugin ' '"): words for situation matching.
       */
      readonly knownText?: string;
      readonly node?: ts.Node;
    }
  | {
      readonly kind: 'unknown';
      readonly type: 'number' | 'string' | 'other';
      readonly origin?: ValueOrigin;
      /** Not text itself (an Error, an untyped client value), but unbounded text once stringified. */
      readonly unbounded?: UnboundedSource;
      readonly node?: ts.Node;
      /** Where a value with an origin was read (`event.code`), when `node` is the argument that carries it (`safeCode`). */
      readonly source?: ts.Node;
    };

export interface EvaluatedArgument {
  /** The argument expression; undefined when the argument is absent. */
  readonly node: ts.Expression | undefined;
  readonly values: readonly PossibleValue[];
}

export function numbersOf(arg: EvaluatedArgument): Array<Extract<PossibleValue, { kind: 'number' }>> {
  return arg.values.filter((v): v is Extract<PossibleValue, { kind: 'number' }> => v.kind === 'number');
}

export function isCertainlyUndefined(arg: EvaluatedArgument): boolean {
  return arg.values.length > 0 && arg.values.every((v) => v.kind === 'undefined');
}

export function mayBeUndefined(arg: EvaluatedArgument): boolean {
  return arg.values.some((v) => v.kind === 'undefined');
}

/** The words a reason's possible values write in the code: exact strings, and the known parts of built ones. */
export function writtenReasonText(arg: EvaluatedArgument): string {
  return arg.values.flatMap((v) => (v.kind === 'string' ? [v.value] : v.kind === 'partial-string' && v.knownText ? [v.knownText] : [])).join(' ');
}
