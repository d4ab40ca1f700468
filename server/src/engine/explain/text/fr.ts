// Libellés français de `wsclose explain` et des comparaisons de codes.
import type { ExplainText } from './explain-text';

export const EXPLAIN_TEXT_FR: ExplainText = {
  heading: '{code} {name}',
  comparisonHeading: '{first} ou {second}',
  meaning: 'Signification',
  whenYouSeeIt: 'Quand le voit-on',
  howToFix: 'Comment corriger',
  typicalUse: 'Usage courant',
  reconnect: 'Reconnexion',
  runtimes: 'Environnements',
  references: 'Références',
  registeredOn: 'enregistré auprès de l’IANA le {date}',
  origins: {
    registry: 'registre des codes de fermeture (RFC 6455 / IANA)',
    'app-profile': 'code privé de {source}',
    configured: 'code privé de ce projet (wsclose.config.json)',
  },
  accepted: '{runtime} : accepté',
  refused: '{runtime} : {effect}',
  differences: 'Différences clés',
  whenToUse: 'Lequel choisir',
  aspects: {
    meaning: 'Signification',
    origin: 'Défini par',
    'range-class': 'Plage',
    sendable: 'Sur le réseau',
    reconnect: 'Reconnexion',
    runtimes: 'Environnements',
  },
  acceptedByList: 'accepté par {list}',
  refusedByList: 'refusé par {list}',
  listSeparator: ', ',
  colon: ' :',
  clauseSeparator: ' ; ',
};
