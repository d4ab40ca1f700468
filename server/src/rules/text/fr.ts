// Messages des règles en français. Chaque message dit ce qui ne va pas, ce qui se passe à
// l’exécution et quoi faire. Les `{placeholders}` sont ceux du catalogue anglais, à l’identique ;
// les titres de correctifs et de suggestions sont à l’infinitif, comme dans VS Code en français.
import type { RulesCatalog } from './rule-text';

export const RULES_TEXT_FR: RulesCatalog = {
  common: {
    or: ' ou ',
    codeWithName: '{code} ({name})',
    inferredSuffix: ' (Type du socket déduit de {evidence} ; ajoutez des types pour en être certain.)',
    forwardedSuffix: ' (`{name}` la transmet à `{call}()`.)',
    forwardedRelated: '`{name}` transmet la valeur à cet appel de fermeture.',
    // Précédés d’un article : ils suivent « La raison décrit … » et « (motif : …) ».
    situations: {
      normal: 'une fin normale',
      'going-away': 'un arrêt',
      restart: 'un redémarrage',
      'rate-limit': 'une limitation de débit',
      overload: 'une surcharge',
      auth: 'un échec d’authentification',
      forbidden: 'un refus d’autorisation',
      policy: 'une violation de politique',
      'invalid-message': 'un message invalide',
      'unsupported-data': 'des données non prises en charge',
      'too-big': 'un message trop gros',
      capacity: 'une limite de capacité',
      'internal-error': 'une erreur interne',
      timeout: 'un délai dépassé',
      'protocol-error': 'une erreur de protocole',
      gateway: 'une panne en amont',
    },
    // Suivent « cette fermeture s’exécute dans … ».
    failurePaths: {
      catch: 'un gestionnaire d’erreur (catch)',
      'error-listener': "un écouteur 'error'",
      timeout: 'un callback de heartbeat ou de délai d’expiration',
    },
    // Suivent « Cette raison de fermeture contient … ».
    unboundedSources: {
      'error-text': 'le message ou la pile d’une erreur',
      serialized: 'des données sérialisées',
      'client-input': 'du texte envoyé par le client',
    },
  },
  rules: {
    'reserved-code': {
      description: 'Interdit d’envoyer les codes de fermeture réservés 1004, 1005, 1006 et 1015, y compris des codes reçus relayés sans vérification.',
      messages: {
        reserved:
          '{code} ({name}) est réservé à un usage local et ne doit jamais figurer dans une trame Close. Avec {runtime}, {effect}. Utilisez {alternatives}, ou appelez {method}() sans code.',
        reservedWithReason:
          '{code} ({name}) est réservé à un usage local et ne doit jamais figurer dans une trame Close. Avec {runtime}, {effect}. Utilisez {alternatives}.',
        forwarded:
          'Cet appel renvoie un code de fermeture reçu ; ce code vaut 1005 (No Status Received) ou 1006 (Abnormal Closure) dès que le pair n’a pas envoyé de code ou que la connexion a été coupée, et ces codes ne doivent jamais être envoyés. Avec {runtime}, {effect}. Vérifiez le code avant de le relayer.',
        replaceCode: 'Envoyer {replacement} à la place',
        removeCode: 'Appeler {method}() sans code',
        guardForwarded: 'Ne relayer le code que si {runtime} l’accepte, sinon envoyer 1000',
      },
    },
    'invalid-code': {
      description: 'Interdit les valeurs qui ne sont pas des codes de fermeture : inférieures à 1000, comprises entre 1016 et 2999, à partir de 5000, non entières, chaînes, ou encore statuts HTTP et codes d’erreur.',
      messages: {
        belowRange: '{value} n’est pas un code de fermeture : les codes commencent à 1000. Avec {runtime}, {effect}. Utilisez {alternatives}.',
        httpStatus: '{value} ressemble à un statut HTTP, pas à un code de fermeture (les codes commencent à 1000). Avec {runtime}, {effect}. Utilisez {alternatives}.',
        unassignedRange: '{value} n’est pas un code de fermeture : 1016–2999 sont réservés aux futures extensions du protocole. Avec {runtime}, {effect}. Utilisez {alternatives}.',
        aboveRange: '{value} n’est pas un code de fermeture : les codes s’arrêtent à 4999. Avec {runtime}, {effect}. Utilisez {alternatives}.',
        notInteger: '{value} n’est pas un code de fermeture : les codes de fermeture sont des entiers. Avec {runtime}, {effect}. Utilisez {alternatives}.',
        notANumber: 'Ce code de fermeture vaut NaN. Avec {runtime}, {effect}. Passez un code entier, par exemple {alternatives}.',
        stringCode: 'Le code de fermeture est une chaîne ({value}), pas un nombre. Avec {runtime}, {effect}. Passez directement le nombre.',
        reasonAsCode: 'Une raison (chaîne) est passée là où {method}() attend le code de fermeture. Avec {runtime}, {effect}. Passez d’abord un code, puis la raison.',
        errorCode: "Le code d’une erreur n’est pas un code de fermeture (c’est une chaîne comme 'ECONNRESET' ou un errno). Avec {runtime}, {effect}. Utilisez {alternatives}.",
        httpStatusValue: 'Un statut HTTP n’est pas un code de fermeture (les statuts HTTP sont inférieurs à 1000). Avec {runtime}, {effect}. Utilisez {alternatives}.',
        convertedCode:
          '{value} n’est pas un code de fermeture entier, et pourtant {runtime} ne le rejette pas : {method}() envoie discrètement {sent}. D’autres environnements le convertissent autrement ou lèvent une exception. Passez directement l’entier, par exemple {alternatives}.',
        replaceCode: 'Envoyer {replacement} à la place',
        insertCode: 'Passer 1000 comme code et garder la chaîne comme raison',
        useNumber: 'Passer le nombre {replacement}',
      },
    },
    'browser-code-range': {
      description: 'Interdit les codes de fermeture que refusent les WebSocket de type navigateur (WHATWG) : tout sauf 1000 et 3000–4999.',
      messages: {
        outsideBrowserRange:
          '{code} ({name}) ne peut pas être envoyé depuis {runtime} : {effect}. Utilisez {alternatives}.',
        replaceCode: 'Envoyer {replacement} à la place',
      },
    },
    'reason-too-long': {
      description: 'Interdit les raisons de fermeture de plus de 123 octets UTF-8, ainsi que les raisons construites à partir d’un texte non borné sans limite de longueur.',
      messages: {
        tooLong: 'Cette raison de fermeture fait {bytes} octets en UTF-8, au-delà de la limite de 123 octets d’une trame Close. Avec {runtime}, {effect}. Raccourcissez-la : la raison sert aux journaux, pas aux utilisateurs.',
        tooLongAtLeast: 'Cette raison de fermeture fait au moins {bytes} octets en UTF-8, au-delà de la limite de 123 octets d’une trame Close. Avec {runtime}, {effect}. Raccourcissez la partie fixe du texte.',
        unbounded: 'Cette raison de fermeture contient {source}, sans limite de longueur ; dès qu’elle dépasse 123 octets UTF-8, {effect}. Tronquez-la ou envoyez une raison fixe.',
        truncateReason: 'Raccourcir la raison à {bytes} octets',
        limitReason: 'Limiter la raison à 41 caractères (123 octets au plus)',
      },
    },
    'reason-without-code': {
      description: 'Exige un code de fermeture dès qu’une raison de fermeture est fournie.',
      messages: {
        missingCode: 'Une raison est passée sans code de fermeture. Avec {runtime}, {effect}. Passez un code avant la raison, par exemple 1000 (Normal Closure).',
        maybeMissingCode: 'Le code de fermeture peut valoir undefined ici alors qu’une raison est passée. Avec {runtime}, {effect}. Donnez une valeur par défaut au code, par exemple `?? 1000`.',
        insertNormalClosure: 'Passer 1000 (Normal Closure) comme code',
        defaultCode: 'Donner au code la valeur par défaut 1000',
      },
    },
    'mismatched-code': {
      description: 'Signale les codes de fermeture qui contredisent le motif de la fermeture, comme 1000 pour un client rejeté ou après un échec.',
      messages: {
        rejectWithNormal:
          '{code} ({name}) signifie que la session s’est terminée normalement, mais cette fermeture rejette le client (motif : {situation}). Les clients y voient une fin propre et peuvent se reconnecter aussitôt. Utilisez {alternatives}.',
        failureWithNormal:
          '{code} ({name}) signifie que la session s’est terminée normalement, mais cette fermeture s’exécute dans {failure}. Le pair ne peut pas distinguer l’échec d’une fin propre. Utilisez {alternatives}.',
        contradictsReason:
          'La raison décrit {situation}, mais {code} ({name}) signifie autre chose. Les pairs se fient au code, pas à la raison. Utilisez {alternatives}.',
        rejectWithCode:
          'Cette fermeture refuse le client pour {situation}, mais {code} ({name}) signifie autre chose. Les pairs se fient au code. Utilisez {alternatives}.',
        failureWithCode:
          'Cette fermeture s’exécute dans {failure}, qui signale {situation}, mais {code} ({name}) signifie autre chose. Les pairs se fient au code. Utilisez {alternatives}.',
        functionWithCode:
          'Cette fermeture s’exécute dans `{function}`, qui traite {situation}, mais {code} ({name}) signifie autre chose. Les pairs se fient au code. Utilisez {alternatives}.',
        replaceCode: 'Envoyer {replacement} à la place',
      },
    },
    'premature-close': {
      description: 'Signale les appels à close() qui peuvent s’exécuter alors que le socket est encore en cours de connexion.',
      messages: {
        createdThenClosed:
          '{receiver} est fermé dans la même exécution du code qui l’a créé, alors qu’il est encore dans l’état CONNECTING. Avec {runtime}, {effect}. Attendez l’événement open, ou vérifiez readyState avant de fermer.',
        closedOnOpen:
          'Le gestionnaire open ferme {receiver} avant toute autre chose : la connexion n’est ouverte que pour être aussitôt défaite. Fermez-le là où son travail se termine, ou vérifiez pourquoi il a été ouvert.',
        connectTimeout:
          '{receiver} est fermé par un délai de connexion qui ne s’exécute que tant qu’il est encore dans l’état CONNECTING (l’ouverture annule le minuteur). Avec {runtime}, {effect}. Gardez un écouteur error en abandonnant la tentative (avec ws, terminate() émet la même erreur), et attendez-vous à cette erreur et à l’événement close.',
      },
    },
    'unregistered-code': {
      description: 'Signale les codes de fermeture 3000–3999 qui ne sont pas enregistrés auprès de l’IANA.',
      messages: {
        unregistered:
          '{code} appartient à la plage 3000–3999, dont les codes s’enregistrent auprès de l’IANA, mais personne ne l’a enregistré (seuls 3000 Unauthorized, 3003 Forbidden et 3008 Timeout existent) : les pairs ne peuvent pas savoir ce qu’il signifie. Utilisez {alternatives}, ou enregistrez-le auprès de l’IANA.',
        replaceCode: 'Envoyer {replacement} à la place',
      },
    },
    'reconnect-on-terminal-code': {
      description: 'Signale les gestionnaires de fermeture qui se reconnectent après un code qui interdit de réessayer, comme 1008.',
      messages: {
        reconnectsAfterTerminal: 'Cette reconnexion s’exécute aussi après {code}, une fermeture qui interdit de réessayer : un client refusé se reconnecte en boucle.',
        guardTerminal: 'Sortir avant la reconnexion quand le code est {codes}',
      },
    },
  },
};
