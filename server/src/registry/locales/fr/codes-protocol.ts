// Texte français des codes 1000–1015, indexé par codeKey. Les noms IANA (« Normal Closure »…)
// sont des noms propres et restent en anglais ; chaque `meaning` commence par une glose française.
import type { CodeText } from '../../types';

const BROWSER_NO = 'Un socket de navigateur ne peut pas l’envoyer (InvalidAccessError)';

export const protocolCodes: Readonly<Record<string, CodeText>> = {
  '1000': {
    meaning: 'Fermeture normale : la connexion a rempli son rôle ; c’est une fermeture ordinaire et voulue.',
    whenYouSeeIt:
      'L’un des deux côtés a mis fin à la session exprès : une déconnexion de l’utilisateur, un traitement terminé, ou un client qui n’a plus besoin du socket.',
    howToFix:
      'Rien à corriger si la fermeture est voulue. Si elle est en réalité due à une erreur, à un arrêt ou à une décision de politique, envoyez le code qui le dit, pour que le pair puisse réagir.',
    typicalUse: 'Déconnexion de l’utilisateur, échange terminé, client qui libère un socket devenu inutile.',
    reconnect: 'Pas de reconnexion automatique : le pair a mis fin à la session exprès.',
  },
  '1001': {
    meaning: 'Départ : le point de terminaison s’en va, qu’il s’agisse d’un serveur qui s’arrête ou d’un navigateur qui quitte la page propriétaire du socket.',
    whenYouSeeIt:
      'Un serveur s’est arrêté (arrêt propre, réduction du nombre d’instances) ou un onglet a changé de page ou a été fermé. Les serveurs Deno l’utilisent aussi pour les sockets inactifs qui ne répondent pas à un ping.',
    howToFix: `À envoyer uniquement depuis du code serveur. ${BROWSER_NO} ; le navigateur envoie lui-même 1001 quand une page se décharge, un script doit donc fermer avec 1000. Si le serveur revient bientôt, 1012 indique aux clients de se reconnecter.`,
    typicalUse: 'Arrêt propre d’un serveur (graphql-ws l’utilise quand il libère son serveur).',
    reconnect: 'Se reconnecter avec un délai croissant : une autre instance peut prendre le relais, mais pas forcément tout de suite.',
  },
  '1002': {
    meaning: 'Erreur de protocole : le pair a enfreint le protocole WebSocket lui-même (trames, masquage, règles des trames de contrôle).',
    whenYouSeeIt:
      'La bibliothèque WebSocket a détecté des trames mal formées ou un code de fermeture invalide venant du pair, et a fermé d’elle-même ; ws et undici le font automatiquement. Cela désigne un client, un proxy ou une bibliothèque bogué.',
    howToFix:
      'Laissez 1002 à la bibliothèque. Quand le code applicatif rejette le contenu d’un message, utilisez 1008 (ou 1003 pour un mauvais type de données, 1007 pour un encodage invalide).',
    typicalUse: 'Envoyé par les implémentations WebSocket, rarement par le code applicatif.',
    reconnect: 'Ne pas se reconnecter à l’aveugle : la même implémentation refera la même erreur.',
  },
  '1003': {
    meaning: 'Données non prises en charge : le point de terminaison a reçu un type de données qu’il ne sait pas traiter, par exemple des messages binaires là où seul le texte est géré.',
    whenYouSeeIt: 'Un pair a envoyé des trames binaires à un point de terminaison qui n’accepte que du texte, ou l’inverse.',
    howToFix: `À réserver au mauvais type de trame. Pour un contenu invalide dans un type accepté (JSON invalide, schéma non respecté), utilisez 1008 ou un code privé convenu. ${BROWSER_NO}.`,
    typicalUse: 'Refuser les messages binaires dans un protocole purement textuel.',
    reconnect: 'La reconnexion n’aide que si le client envoie ensuite un type de données accepté.',
  },
  '1004': {
    meaning: 'Réservé par la RFC 6455 sans aucune signification définie ; ce n’est pas un code de fermeture utilisable.',
    whenYouSeeIt: 'Presque toujours une faute de frappe ou un décalage d’une unité dans une table de codes écrite à la main.',
    howToFix:
      'Choisissez un code défini : 1000 pour une fermeture normale, 1008 pour une violation de politique, 1011 pour une erreur interne, ou un code privé entre 4000 et 4999. Tous les environnements qui valident le code (navigateurs, ws, Cloudflare Workers) lèvent une exception pour 1004.',
    typicalUse: 'Aucun.',
    reconnect: 'Sans objet : aucun point de terminaison ne devrait l’envoyer.',
  },
  '1005': {
    meaning: 'Aucun code reçu : ce n’est pas un code transmis sur le réseau mais une valeur locale indiquant que la trame Close reçue ne contenait pas de code.',
    whenYouSeeIt:
      'Le pair a appelé close() sans code (comme le font ws, les navigateurs, Engine.IO et @fastify/websocket à l’arrêt), ou une raison a été abandonnée faute de code pour l’accompagner.',
    howToFix:
      'Ne passez jamais 1005 à close() : les navigateurs, undici, ws et Workers lèvent une exception, et la RFC l’interdit sur le réseau. Pour relayer un code reçu, appelez close() sans code quand il vaut 1005. Si le pair doit recevoir un code parlant, envoyez-en un.',
    typicalUse: 'Lu dans les gestionnaires de fermeture (CloseEvent.code, l’événement close de ws) ; jamais envoyé.',
    reconnect: 'Se reconnecter avec un délai croissant : la cause de la fermeture est inconnue.',
  },
  '1006': {
    meaning: 'Fermeture anormale : valeur locale indiquant que la connexion s’est terminée sans aucune trame Close.',
    whenYouSeeIt:
      'La connexion TCP a été coupée, un processus a planté, un proxy a coupé une connexion inactive, le socket a été tué (terminate() de ws, close() de uWS) ou, dans un navigateur, la poignée de main a échoué : DNS, TLS et une réponse HTTP 401/403 à l’upgrade apparaissent tous comme 1006.',
    howToFix:
      'Ne passez jamais 1006 à close() : les environnements qui valident le code lèvent une exception. Examinez le chemin réseau et les journaux du pair, ajoutez des heartbeats pour détecter les connexions mortes et, si un navigateur doit savoir pourquoi il a été refusé, terminez l’upgrade puis fermez avec un code.',
    typicalUse: 'Lu dans les gestionnaires de fermeture ; jamais envoyé.',
    reconnect: 'Se reconnecter avec un délai exponentiel aléatoire (RFC 6455 §7.2.3 : attendre d’abord entre 0 et 5 s au hasard).',
  },
  '1007': {
    meaning: 'Données de message invalides : le contenu d’un message ne correspond pas à son type, par exemple un message texte qui n’est pas de l’UTF-8 valide.',
    whenYouSeeIt: 'La bibliothèque a rejeté une trame texte contenant de l’UTF-8 invalide ; ws et undici envoient 1007 d’eux-mêmes.',
    howToFix: `Ne l’utilisez pas pour la validation applicative (JSON invalide, champs manquants) : c’est le rôle de 1008 ou d’un code privé convenu. ${BROWSER_NO}.`,
    typicalUse: 'Envoyé par les bibliothèques en cas d’UTF-8 invalide.',
    reconnect: 'Ne pas se reconnecter tant que l’encodage de l’émetteur n’est pas corrigé.',
  },
  '1008': {
    meaning: 'Violation de politique : le pair a enfreint une règle du point de terminaison. Volontairement générique, ce code peut masquer les détails.',
    whenYouSeeIt:
      'Le serveur a rejeté le client : identifiants absents ou expirés, abus, limites de débit ou de ressources (ws : trop de fragments en mémoire tampon ; undici : trop de fragments), ou messages applicatifs invalides.',
    howToFix: `Convient aux sockets serveur ; précisez la cause dans la raison. ${BROWSER_NO} : utilisez 3003 Forbidden, 3000 Unauthorized ou un code 4xxx convenu. Si le client peut réussir simplement en patientant, 1013 le dit plus clairement.`,
    typicalUse: 'Échecs d’authentification après l’upgrade, abus, limites de ressources.',
    reconnect: 'Ne pas se reconnecter avec le même comportement ni les mêmes identifiants ; corriger d’abord la cause.',
  },
  '1009': {
    meaning: 'Message trop gros : un message était trop volumineux pour être traité par le point de terminaison.',
    whenYouSeeIt:
      'Un message a dépassé la taille maximale du destinataire (le maxPayload de ws et d’undici envoie 1009 automatiquement ; uWS coupe la connexion à la place, et le pair voit 1006).',
    howToFix: `Augmentez la limite du destinataire, ou découpez les grosses charges utiles, voire diffusez-les en flux. ${BROWSER_NO} ; utilisez un code privé convenu comme 4413.`,
    typicalUse: 'Faire respecter une taille maximale de message.',
    reconnect: 'La reconnexion n’aide que si le client cesse d’envoyer des messages trop gros.',
  },
  '1010': {
    meaning:
      'Extension obligatoire, réservée aux clients : le client avait besoin d’une extension que le serveur n’a pas acceptée lors de la poignée de main. La raison devrait nommer les extensions manquantes.',
    whenYouSeeIt: 'Un client hors navigateur exigeait une extension (par exemple permessage-deflate) que le serveur n’a pas négociée.',
    howToFix:
      'Ne l’envoyez pas depuis un serveur : un serveur fait échouer la poignée de main à la place. Les scripts de navigateur ne peuvent pas l’envoyer non plus, et le navigateur négocie lui-même les extensions.',
    typicalUse: 'Clients hors navigateur qui ne peuvent pas fonctionner sans une extension donnée.',
    reconnect: 'Ne pas se reconnecter tant que le serveur ne prend pas en charge l’extension.',
  },
  '1011': {
    meaning:
      'Erreur interne : une situation imprévue a empêché le point de terminaison de traiter la requête ; c’est l’équivalent WebSocket d’un HTTP 500. La RFC parle du « serveur » ; l’IANA cite aussi un erratum qui l’étend aux deux extrémités.',
    whenYouSeeIt: 'Une exception non gérée ou une dépendance en échec côté serveur.',
    howToFix: `À utiliser sur les sockets serveur pour les pannes imprévues ; journalisez l’erreur et gardez les détails internes hors de la raison. ${BROWSER_NO} ; utilisez un code privé convenu comme 4500.`,
    typicalUse: 'Erreurs serveur non gérées.',
    reconnect: 'Se reconnecter avec un délai croissant : la panne peut être passagère.',
  },
  '1012': {
    meaning: 'Redémarrage du service : le serveur redémarre. Enregistré auprès de l’IANA ; aucune RFC ne le définit.',
    whenYouSeeIt: 'Un déploiement, un redémarrage progressif ou une maintenance planifiée a mis fin à la connexion.',
    howToFix: `À envoyer depuis des serveurs qui seront de retour sous peu. Certaines bibliothèques anciennes qui ne connaissent que la RFC 6455 traitent 1012–1014 comme des erreurs de protocole. ${BROWSER_NO}.`,
    typicalUse: 'Déploiements et redémarrages.',
    reconnect: 'Se reconnecter après un court délai aléatoire, pour que les clients ne reviennent pas tous en même temps.',
  },
  '1013': {
    meaning: 'Réessayer plus tard : un état temporaire du serveur, comme une surcharge ; le client devrait revenir plus tard. Enregistré auprès de l’IANA, absent des RFC.',
    whenYouSeeIt: 'Le serveur déleste des connexions, ou (selon certaines documentations, comme celle de Bun) limite le débit du client.',
    howToFix: `À utiliser quand il suffit au client d’attendre ; s’il doit changer de comportement, 1008 convient mieux. ${BROWSER_NO}.`,
    typicalUse: 'Surcharge, délestage, limites de capacité.',
    reconnect: 'Se reconnecter avec un délai exponentiel.',
  },
  '1014': {
    meaning:
      'Mauvaise passerelle : le point de terminaison joue le rôle de passerelle ou de proxy et a reçu une réponse invalide du serveur amont, comme un HTTP 502. L’IANA ne lui donne pas de nom court ; « Bad Gateway » vient de MDN.',
    whenYouSeeIt: 'Un proxy WebSocket n’a pas pu joindre ou comprendre le serveur amont.',
    howToFix: `À envoyer depuis les passerelles et les proxys quand l’amont est en échec. ws ne l’accepte que depuis la version 7.2.2, et d’anciens clients qui s’en tiennent à la RFC peuvent le rejeter. ${BROWSER_NO}.`,
    typicalUse: 'Passerelles et proxys inverses.',
    reconnect: 'Se reconnecter avec un délai croissant.',
  },
  '1015': {
    meaning: 'Échec de la poignée de main TLS : valeur locale indiquant que la négociation TLS a échoué, par exemple parce que le certificat n’a pas pu être vérifié.',
    whenYouSeeIt: 'Rare : certains clients hors navigateur le signalent. Les navigateurs ne l’exposent jamais et signalent 1006 à la place.',
    howToFix:
      'Ne passez jamais 1015 à close() : la RFC l’interdit sur le réseau (WebSocket-Node l’accepte pourtant). Vérifiez les certificats, les noms d’hôte et les versions de TLS.',
    typicalUse: 'Lu dans les gestionnaires de fermeture ; jamais envoyé.',
    reconnect: 'Réessayer avec un délai croissant ; mais un échec persistant relève d’un problème de certificat ou de configuration.',
  },
};
