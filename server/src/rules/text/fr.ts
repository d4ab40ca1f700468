// Messages des règles en français. Un message est une phrase simple (sans markdown, ~100 caractères
// au plus) qui dit ce qui ne va pas et quoi utiliser ; son détail dit pourquoi. Les `{placeholders}`
// sont ceux du catalogue anglais, à l’identique ; les titres de correctifs et de suggestions sont à l’infinitif, comme dans VS Code en français.
import type { RulesCatalog } from './rule-text';

export const RULES_TEXT_FR: RulesCatalog = {
  common: {
    or: ' ou ',
    codeWithName: '{code} ({name})',
    inferredDetail: 'Type du socket déduit de {evidence} ; ajoutez des types pour en être certain.',
    forwardedDetail: '`{name}` la transmet à `{call}()`.',
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
      catch: 'un bloc catch',
      'error-listener': "un écouteur 'error'",
      timeout: 'un callback de minuteur',
    },
    // Suivent « Cette raison de fermeture contient … ».
    unboundedSources: {
      'error-text': 'le message ou la pile d’une erreur',
      serialized: 'des données sérialisées',
      'client-input': 'du texte reçu du réseau',
    },
  },
  rules: {
    'reserved-code': {
      description: 'Interdit d’envoyer les codes de fermeture réservés 1004, 1005, 1006 et 1015, y compris des codes reçus relayés sans vérification.',
      messages: {
        reserved: '{code} ({name}) est réservé, jamais envoyé ; utilisez {alternatives}, ou aucun code.',
        reservedWithReason: '{code} ({name}) est réservé, jamais envoyé ; utilisez {alternatives}.',
        forwarded: 'Un code reçu est renvoyé sans vérification, or il peut valoir 1005 ou 1006 ; vérifiez-le.',
        replaceCode: 'Envoyer {replacement} à la place',
        removeCode: 'Appeler {method}() sans code',
        guardForwarded: 'Ne relayer le code que si {runtime} l’accepte, sinon envoyer 1000',
      },
      details: {
        reserved: 'Ce code est réservé à un usage local et ne doit jamais figurer dans une trame Close. Avec {runtime}, {effect}.',
        reservedWithReason: 'Ce code est réservé à un usage local et ne doit jamais figurer dans une trame Close. Avec {runtime}, {effect}.',
        forwarded:
          'Un code reçu vaut 1005 (No Status Received) ou 1006 (Abnormal Closure) dès que le pair n’a pas envoyé de code ou que la connexion a été coupée, et ces codes ne doivent jamais être envoyés. Avec {runtime}, {effect}. Vérifiez le code avant de le relayer.',
      },
    },
    'invalid-code': {
      description: 'Interdit les valeurs qui ne sont pas des codes de fermeture : inférieures à 1000, comprises entre 1016 et 2999, à partir de 5000, non entières, chaînes, ou encore statuts HTTP et codes d’erreur.',
      messages: {
        belowRange: '{value} n’est pas un code de fermeture (ils commencent à 1000) ; utilisez {alternatives}.',
        httpStatus: '{value} ressemble à un statut HTTP, pas à un code de fermeture ; utilisez {alternatives}.',
        unassignedRange: '{value} n’est pas un code de fermeture (1016–2999 non attribués) ; utilisez {alternatives}.',
        aboveRange: '{value} n’est pas un code de fermeture (ils s’arrêtent à 4999) ; utilisez {alternatives}.',
        notInteger: '{value} n’est pas un code de fermeture (ce sont des entiers) ; utilisez {alternatives}.',
        notANumber: 'Le code de fermeture vaut NaN ; passez un code entier, par exemple {alternatives}.',
        stringCode: 'Le code de fermeture est la chaîne {value} ; passez directement le nombre.',
        reasonAsCode: 'Une raison est passée à la place du code ; passez d’abord un code, puis la raison.',
        errorCode: 'Le code d’une erreur n’est pas un code de fermeture ; utilisez {alternatives}.',
        errorObject: 'Un objet erreur est passé comme code de fermeture ; utilisez {alternatives}, puis une raison courte.',
        httpStatusValue: 'Un statut HTTP n’est pas un code de fermeture ; utilisez {alternatives}.',
        convertedCode: '{value} n’est pas un code entier et part sous la forme {sent} ; utilisez {alternatives}.',
        replaceCode: 'Envoyer {replacement} à la place',
        insertCode: 'Passer 1000 comme code et garder la chaîne comme raison',
        useNumber: 'Passer le nombre {replacement}',
      },
      details: {
        belowRange: 'Avec {runtime}, {effect}.',
        httpStatus: 'Les codes de fermeture commencent à 1000. Avec {runtime}, {effect}.',
        unassignedRange: 'Les codes 1016–2999 sont réservés aux futures extensions du protocole. Avec {runtime}, {effect}.',
        aboveRange: 'Avec {runtime}, {effect}.',
        notInteger: 'Avec {runtime}, {effect}.',
        notANumber: 'Avec {runtime}, {effect}.',
        stringCode: 'Avec {runtime}, {effect}.',
        reasonAsCode: '{method}() attend d’abord le code, puis la raison. Avec {runtime}, {effect}.',
        errorCode: 'Le code d’une erreur est une chaîne comme \'ECONNRESET\' ou un errno. Avec {runtime}, {effect}.',
        errorObject: '{method}() attend d’abord un code numérique ; une Error n’en est pas un. Avec {runtime}, {effect}.',
        httpStatusValue: 'Les statuts HTTP sont inférieurs à 1000, les codes de fermeture commencent à 1000. Avec {runtime}, {effect}.',
        convertedCode: '{runtime} ne le rejette pas : {method}() envoie discrètement {sent}. D’autres environnements le convertissent autrement ou lèvent une exception.',
      },
    },
    'browser-code-range': {
      description: 'Interdit les codes de fermeture que refusent les WebSocket de type navigateur (WHATWG) : tout sauf 1000 et 3000–4999.',
      messages: {
        outsideBrowserRange: '{code} ({name}) est refusé par les WebSocket des navigateurs ; utilisez {alternatives}.',
        replaceCode: 'Envoyer {replacement} à la place',
      },
      details: {
        outsideBrowserRange: 'Les WebSocket de type navigateur n’envoient que 1000 et 3000–4999. Avec {runtime}, {effect}.',
      },
    },
    'reason-too-long': {
      description: 'Interdit les raisons de fermeture de plus de 123 octets UTF-8, ainsi que les raisons construites à partir d’un texte non borné sans limite de longueur.',
      messages: {
        tooLong: 'Cette raison de fermeture fait {bytes} octets UTF-8, au-delà de la limite de 123 ; raccourcissez-la.',
        tooLongAtLeast: 'Cette raison de fermeture fait au moins {bytes} octets UTF-8 (limite : 123) ; raccourcissez-la.',
        unbounded: 'Cette raison contient {source}, sans limite de longueur ; tronquez-la.',
        truncateReason: 'Raccourcir la raison à {bytes} octets',
        limitReason: 'Limiter la raison à 41 caractères (123 octets au plus)',
      },
      details: {
        tooLong: 'Une trame Close porte au plus 123 octets de raison. Avec {runtime}, {effect}. La raison sert aux journaux, pas aux utilisateurs.',
        tooLongAtLeast: 'Même la partie fixe du texte dépasse la limite de 123 octets d’une trame Close. Avec {runtime}, {effect}.',
        unbounded: 'Dès que la raison dépasse 123 octets UTF-8, {effect}. Tronquez-la ou envoyez une raison fixe.',
      },
    },
    'reason-without-code': {
      description: 'Exige un code de fermeture dès qu’une raison de fermeture est fournie.',
      messages: {
        missingCode: 'Une raison est passée sans code de fermeture ; passez d’abord un code, par exemple 1000.',
        maybeMissingCode: 'Le code peut valoir undefined alors qu’une raison est passée ; donnez-lui 1000 par défaut.',
        insertNormalClosure: 'Passer 1000 (Normal Closure) comme code',
        defaultCode: 'Donner au code la valeur par défaut 1000',
      },
      details: {
        missingCode: 'Avec {runtime}, {effect}.',
        maybeMissingCode: 'Avec {runtime}, {effect}. Donnez une valeur par défaut au code, par exemple `?? 1000`.',
      },
    },
    'mismatched-code': {
      description: 'Signale les codes de fermeture qui contredisent le motif de la fermeture, comme 1000 pour un client rejeté ou après un échec.',
      messages: {
        rejectWithNormal: '{code} dit « fin normale », pas {situation} ; utilisez {alternatives}.',
        failureWithNormal: '{code} dit « fin normale », mais s’envoie dans {failure} ; utilisez {alternatives}.',
        contradictsReason: 'La raison décrit {situation}, pas {code} ({name}) ; utilisez {alternatives}.',
        rejectWithCode: '{code} ({name}) ne convient pas pour {situation} ; utilisez {alternatives}.',
        failureWithCode: '{code} ({name}) ne convient pas pour {situation} dans {failure} ; utilisez {alternatives}.',
        functionWithCode: '{code} ({name}) ne convient pas pour {situation} dans {function} ; utilisez {alternatives}.',
        replaceCode: 'Envoyer {replacement} à la place',
      },
      details: {
        rejectWithNormal: 'Cette fermeture rejette le client (motif : {situation}). Les clients voient dans {code} une fin propre et peuvent se reconnecter aussitôt.',
        failureWithNormal: 'Le pair ne peut pas distinguer l’échec d’une fin propre.',
        contradictsReason: 'Les pairs se fient au code, pas à la raison.',
        rejectWithCode: 'Cette fermeture refuse le client pour {situation}. Les pairs se fient au code, pas à la raison.',
        failureWithCode: 'Une fermeture dans {failure} signale {situation}. Les pairs se fient au code.',
        functionWithCode: 'Cette fermeture s’exécute dans `{function}`, qui traite {situation}. Les pairs se fient au code.',
      },
    },
    'premature-close': {
      description: 'Signale les appels à close() qui peuvent s’exécuter alors que le socket est encore en cours de connexion.',
      messages: {
        createdThenClosed: 'Ce socket est fermé encore en CONNECTING ; attendez open ou vérifiez readyState.',
        connectTimeout: 'Un délai de connexion abandonne ce socket ; gardez un écouteur error.',
      },
      details: {
        createdThenClosed: '`{receiver}` est fermé dans la même exécution du code qui l’a créé. Avec {runtime}, {effect}.',
        connectTimeout:
          'Le délai ne s’exécute que tant que `{receiver}` est dans l’état CONNECTING (l’ouverture annule le minuteur). Avec {runtime}, {effect}. Avec ws, terminate() émet la même erreur ; attendez-vous à cette erreur et à l’événement close.',
      },
    },
    'unregistered-code': {
      description: 'Signale les codes de fermeture 3000–3999 qui ne sont pas enregistrés auprès de l’IANA.',
      messages: {
        unregistered: '{code} est dans la plage IANA 3000–3999 sans y être enregistré ; utilisez {alternatives}.',
        replaceCode: 'Envoyer {replacement} à la place',
      },
      details: {
        unregistered: 'Seuls 3000 (Unauthorized), 3003 (Forbidden) et 3008 (Timeout) sont enregistrés : les pairs ne peuvent pas savoir ce que {code} signifie. Utilisez un autre code, ou enregistrez-le auprès de l’IANA.',
      },
    },
    'reconnect-on-terminal-code': {
      description: 'Signale les gestionnaires de fermeture qui se reconnectent après un code qui interdit de réessayer, comme 1008.',
      messages: {
        reconnectsAfterTerminal: 'Reconnexion même après {code}, qui interdit de réessayer ; sortez avant de vous reconnecter.',
        guardTerminal: 'Sortir avant la reconnexion quand le code est {codes}',
        connectionStartsHere: 'La nouvelle connexion commence ici.',
        timerCallbackReconnects: '{timer} exécute ce rappel, qui ouvre une nouvelle connexion.',
        stateEffectReconnects: 'Cet effet dépend de l’état que {setter} modifie : il s’exécute à nouveau et ouvre une nouvelle connexion.',
        dispatchedActionReconnects: 'L’action {action} déclenchée exécute ce code, qui ouvre une nouvelle connexion.',
      },
      details: {
        reconnectsAfterTerminal:
          'Un serveur qui ferme avec {code} a refusé ce client : se reconnecter ne fait que répéter le refus, en boucle. Vérifiez le code avant de vous reconnecter : arrêtez-vous sur les codes qui interdisent de réessayer (1008, ou un code que la configuration ou un profil d’application marque "reconnect": "no") et réessayez les autres avec un délai croissant.',
      },
    },
  },
};
