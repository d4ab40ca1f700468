// Texte français des plages et des enregistrements 3000–3999, indexé par codeKey.
import type { CodeText } from '../../types';

const UNREGISTERED_3XXX: CodeText = {
  meaning:
    'Fait partie de la plage réservée aux bibliothèques, frameworks et applications, dont les codes sont censés être enregistrés auprès de l’IANA selon le principe du premier arrivé, premier servi. Aucun code de cet intervalle n’est enregistré.',
  whenYouSeeIt: 'Une bibliothèque ou une application utilise ici un code à elle sans l’avoir enregistré.',
  howToFix:
    'Enregistrez le code auprès de l’IANA, ou déplacez-le dans 4000–4999, où les significations se conviennent entre les deux parties. Les seuls codes enregistrés entre 3000 et 3999 sont 3000 Unauthorized, 3003 Forbidden et 3008 Timeout.',
  typicalUse: 'Codes propres à un framework.',
  reconnect: 'Dépend de ce que l’émetteur entend par ce code ; consultez sa documentation.',
};

export const rangeCodes: Readonly<Record<string, CodeText>> = {
  '0-999': {
    meaning: 'Pas un code de fermeture : la RFC 6455 laisse 0–999 inutilisés, et aucun point de terminaison ne peut en envoyer.',
    whenYouSeeIt:
      'En général un bogue : une valeur non initialisée devenue 0 (les navigateurs convertissent NaN, null et les chaînes non numériques en 0), ou un statut HTTP ou un numéro d’erreur applicatif utilisé comme code de fermeture.',
    howToFix:
      'Passez un vrai code de fermeture : 1000 pour une fermeture normale, un code 1xxx adapté sur les sockets serveur, ou un code convenu entre 4000 et 4999. Pour fermer sans code, appelez close() sans argument.',
    typicalUse: 'Aucun.',
    reconnect: 'Sans objet : un pair conforme n’envoie jamais ces valeurs.',
  },
  '1016-2999': {
    meaning: 'Réservés aux futures RFC et aux extensions publiées ; rien n’y est défini.',
    whenYouSeeIt: 'En général une application qui a placé ses codes privés dans la mauvaise plage.',
    howToFix:
      'Déplacez les codes applicatifs dans 4000–4999, ou enregistrez-en un entre 3000 et 3999. Les navigateurs, undici et ws lèvent une exception ; Cloudflare Workers accepte ces codes, et les serveurs Deno, Bun et uWS les envoient sans vérification, si bien que le pair peut rejeter la trame.',
    typicalUse: 'Aucun pour l’instant. Le découpage souvent cité entre 1016–1999 et 2000–2999 ne figure pas dans la RFC.',
    reconnect: 'Sans objet : aucune signification n’est définie.',
  },
  '3000': {
    meaning:
      'Non authentifié : enregistré auprès de l’IANA sous le nom « Unauthorized », sans spécification derrière ce nom. À lire comme un HTTP 401 : le pair n’est pas (ou plus) authentifié.',
    whenYouSeeIt: 'Le serveur a refusé des identifiants absents, invalides ou expirés après l’upgrade.',
    howToFix:
      'Un bon choix quand un client navigateur doit savoir pourquoi il a été déconnecté, puisque les navigateurs peuvent l’envoyer et le lire. Pour un pair authentifié mais sans autorisation, utilisez 3003.',
    typicalUse: 'Échecs d’authentification après l’upgrade.',
    reconnect: 'Ne pas se reconnecter avec les mêmes identifiants ; en obtenir de nouveaux d’abord.',
  },
  '3001-3002': UNREGISTERED_3XXX,
  '3003': {
    meaning:
      'Accès interdit : enregistré auprès de l’IANA sous le nom « Forbidden », sans spécification derrière ce nom. À lire comme un HTTP 403 : le pair est identifié mais n’a pas le droit d’accès.',
    whenYouSeeIt: 'Le serveur a refusé l’accès à une ressource ou à un salon, ou a banni l’utilisateur.',
    howToFix: 'Utilisez plutôt 3000 quand le pair n’est pas authentifié du tout. Les sockets de navigateur peuvent l’envoyer.',
    typicalUse: 'Refus d’autorisation et bannissements.',
    reconnect: 'Ne pas se reconnecter tant que les droits n’ont pas changé.',
  },
  '3004-3007': UNREGISTERED_3XXX,
  '3008': {
    meaning: 'Délai dépassé : enregistré auprès de l’IANA sous le nom « Timeout », sans spécification derrière ce nom ; une opération a pris trop de temps, ou la connexion est restée inactive.',
    whenYouSeeIt: 'Un délai d’inactivité, de heartbeat ou d’initialisation a expiré.',
    howToFix:
      'Fonctionne aussi bien sur les sockets serveur que sur ceux des navigateurs. Pour les protocoles à sessions reprenables (à la Discord), utilisez le code que ce protocole définit.',
    typicalUse: 'Délais d’inactivité et de heartbeat.',
    reconnect: 'Se reconnecter avec un délai croissant quand la connexion redevient nécessaire.',
  },
  '3009-3999': UNREGISTERED_3XXX,
  '4000-4999': {
    meaning: 'Usage privé : la signification est celle dont les deux applications ont convenu. Ces codes ne peuvent pas être enregistrés.',
    whenYouSeeIt: 'Le protocole applicatif (graphql-ws, Discord, Twitch ou le vôtre) a signalé une situation qui lui est propre.',
    howToFix:
      'Documentez chaque code utilisé et gardez les deux extrémités en phase ; déclarez-les dans la configuration de wsclose pour que les survols et les vérifications les connaissent.',
    typicalUse: 'Protocoles applicatifs ; beaucoup suivent la convention « 4000 + statut HTTP » (4401, 4403, 4429, 4500).',
    reconnect: 'Défini par le protocole applicatif.',
  },
  '5000-65535': {
    meaning: 'Hors de toutes les plages définies par la RFC 6455 ; jamais un code de fermeture valide.',
    whenYouSeeIt:
      'Une constante erronée, un statut HTTP avec un chiffre de trop, ou un calcul qui a mal tourné. Les navigateurs ramènent les valeurs supérieures à 65535 à 65535, puis lèvent une exception.',
    howToFix:
      'Utilisez 1000–4999 : un code 1xxx adapté sur les sockets serveur, 1000 ou 3000–4999 sur les sockets de navigateur. Les serveurs qui ne vérifient rien envoient ces valeurs telles quelles (uWS les ramène sur 16 bits, modulo 65536).',
    typicalUse: 'Aucun.',
    reconnect: 'Sans objet.',
  },
};
