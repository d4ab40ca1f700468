// Texte français des fonctionnalités du serveur de langage (survols, complétion, refactorisations).
import type { FeatureText } from './feature-text';

export const FEATURE_TEXT_FR: FeatureText = {
  docs: {
    codeHeading: '{code} {name}',
    whenYouSeeIt: 'Quand le voit-on ?',
    howToFix: 'Comment corriger :',
    reconnect: 'Reconnexion :',
    acceptedBy: 'Accepté par {runtime}.',
    notAcceptedBy: 'Refusé par {runtime} : {effect}.',
    notAcceptedHere: 'Refusé par {runtime}.',
    throws: 'lève',
    appCodeSource: 'Code privé de {source}',
    configCodeSource: 'Code privé de ce projet (wsclose.config.json)',
    registeredOn: 'enregistré auprès de l’IANA le {date}',
    runtimeLine: '{method}() avec {runtime} : {summary}',
    runtimeLineInferred: '{method}() avec {runtime} (déduit de {evidence}) : {summary}',
    listSeparator: ', ',
    linkSeparator: ' · ',
    table: {
      code: 'Code',
      name: 'Nom',
      rangeClass: 'Catégorie',
      meaning: 'Signification',
      acceptedBy: 'Accepté par',
      none: '—',
    },
  },
  refactors: {
    replaceWithName: 'Remplacer {value} par {name}',
    addNameComment: 'Ajouter un commentaire avec le nom du registre ({name})',
    nameComment: ' /* {name} */',
  },
  senders: {
    sentAt: 'Envoyé par ce projet à :',
    neverSent: 'Ce projet n’envoie jamais {code} : seul un pair extérieur au projet le peut.',
  },
};
