// English text of the language-server features.
import type { FeatureText } from './feature-text';

export const FEATURE_TEXT_EN: FeatureText = {
  docs: {
    codeHeading: '{code} {name}',
    whenYouSeeIt: 'When you see it:',
    howToFix: 'How to fix:',
    reconnect: 'Reconnect:',
    acceptedBy: 'Accepted by {runtime}.',
    notAcceptedBy: 'Not accepted by {runtime}: {effect}.',
    throws: 'Throws:',
    appCodeSource: 'Private code of {source}',
    configCodeSource: 'Private code of this project (wsclose.config.json)',
    registeredOn: 'registered with IANA on {date}',
    runtimeHeading: '{method}() on {runtime}',
    runtimeTyped: 'Runtime profile `{id}`, from the receiver’s type.',
    runtimeInferred: 'Runtime profile `{id}`, inferred from {evidence}; add types to be sure.',
    acceptedCodes: 'Accepted codes:',
    invalidCode: 'Other codes:',
    longReason: 'Reason over 123 bytes:',
    reasonWithoutCode: 'Reason without a code:',
    listSeparator: ', ',
    linkSeparator: ' · ',
    table: {
      code: 'Code',
      name: 'Name',
      rangeClass: 'Class',
      meaning: 'Meaning',
      acceptedBy: 'Accepted by',
      none: '—',
    },
  },
  refactors: {
    replaceWithName: 'Replace {value} with {name}',
    addNameComment: 'Add a comment with the registry name ({name})',
    nameComment: ' /* {name} */',
  },
  runtimeSeparator: '\n\n---\n\n',
  senders: {
    sentAt: 'Sent by this project at:',
    neverSent: 'This project never sends {code}: only a peer outside it can.',
  },
};
