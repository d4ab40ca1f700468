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
    notAcceptedHere: 'Not accepted by {runtime}.',
    throws: 'it throws',
    appCodeSource: 'Private code of {source}',
    configCodeSource: 'Private code of this project (wsclose.config.json)',
    registeredOn: 'registered with IANA on {date}',
    runtimeLine: '{method}() on {runtime}: {summary}',
    runtimeLineInferred: '{method}() on {runtime} (inferred from {evidence}): {summary}',
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
  senders: {
    sentAt: 'Sent by this project at:',
    neverSent: 'This project never sends {code}: only a peer outside it can.',
  },
};
