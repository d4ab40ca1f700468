// English labels of `wsclose explain` and of code comparisons.
import type { ExplainText } from './explain-text';

export const EXPLAIN_TEXT_EN: ExplainText = {
  heading: '{code} {name}',
  comparisonHeading: '{first} vs {second}',
  meaning: 'Meaning',
  whenYouSeeIt: 'When you see it',
  howToFix: 'How to fix',
  typicalUse: 'Typical use',
  reconnect: 'Reconnect',
  runtimes: 'Runtimes',
  references: 'References',
  registeredOn: 'registered with IANA on {date}',
  origins: {
    registry: 'close-code registry (RFC 6455 / IANA)',
    'app-profile': 'private code of {source}',
    configured: 'private code of this project (wsclose.config.json)',
  },
  accepted: '{runtime}: accepted',
  refused: '{runtime}: {effect}',
  differences: 'Key differences',
  whenToUse: 'When to use which',
  aspects: {
    meaning: 'Meaning',
    origin: 'Defined by',
    'range-class': 'Range',
    sendable: 'On the wire',
    reconnect: 'Reconnect',
    runtimes: 'Runtimes',
  },
  acceptedByList: 'accepted by {list}',
  refusedByList: 'refused by {list}',
  listSeparator: ', ',
  colon: ':',
  clauseSeparator: '; ',
};
