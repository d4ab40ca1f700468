// Texte français par profil d’exécution. invalidCode/longReason/reasonWithoutCode/connecting sont
// des propositions qui suivent « Avec <nom>, … » : minuscule initiale, pas de point final. Les
// messages d’exception cités entre accents graves viennent des implémentations et restent en anglais.
import type { RuntimeId, RuntimeText } from '../../types';

const NOT_CONNECTING = 'la question ne se pose pas : le socket est déjà ouvert quand votre code le reçoit';

export const runtimes: Readonly<Record<RuntimeId, RuntimeText>> = {
  whatwg: {
    name: 'le WebSocket du navigateur (WHATWG)',
    invalidCode:
      '`close()` lève une DOMException `InvalidAccessError` pour tout code autre que 1000 et 3000–4999',
    longReason: '`close()` lève une DOMException `SyntaxError` quand la raison dépasse 123 octets en UTF-8',
    reasonWithoutCode:
      'une raison sans code est en général abandonnée et une trame Close vide est envoyée, si bien que le pair voit 1005 (Firefox, l’undici de Node 20) ; les versions récentes de Chromium et undici 7 envoient à la place 1000 avec la raison',
    connecting:
      'fermer avant la fin de la poignée de main fait échouer la connexion : le socket émet `error`, puis `close` avec 1006 (Chromium et WebKit affichent aussi dans la console l’avertissement « WebSocket is closed before the connection is established. »)',
    summary:
      'N’accepte que 1000 et 3000–4999 ; tout autre code, y compris 1001 et 1008–1014, lève une InvalidAccessError. La raison doit tenir en 123 octets UTF-8. Le code est converti comme un unsigned short borné ([Clamp]) : les nombres décimaux sont arrondis, les chaînes numériques acceptées, les valeurs supérieures à 65535 ramenées à 65535. Couvre les navigateurs, le WebSocket global de Node (undici) et le WebSocket client de Deno.',
  },
  ws: {
    name: '`ws`',
    invalidCode:
      '`close()` lève `TypeError: First argument must be a valid error code number` et laisse le socket bloqué dans l’état CLOSING : aucune trame Close ne part tant que `terminate()` n’est pas appelé ou que le pair ne ferme pas',
    longReason:
      '`close()` lève `RangeError: The message must not be greater than 123 bytes` et laisse le socket bloqué dans l’état CLOSING',
    reasonWithoutCode: 'la raison est abandonnée sans avertissement et une trame Close vide est envoyée, si bien que le pair voit 1005',
    connecting:
      'fermer avant la fin de la poignée de main l’interrompt : le socket émet `error` (« WebSocket was closed before the connection was established »), puis `close` avec 1006 ; et sans écouteur `error`, cette erreur fait planter le processus Node',
    summary:
      'Accepte 1000–1003, 1007–1014 et 3000–4999 ; tout le reste, chaînes et null compris, lève une TypeError. La raison doit tenir en 123 octets UTF-8 (RangeError). Dans les plages acceptées, les nombres décimaux sont tronqués sur le réseau. Les mêmes règles valent pour @fastify/websocket et @hono/node-ws, qui fournissent des sockets ws.',
  },
  'isomorphic-ws': {
    name: '`isomorphic-ws`',
    invalidCode:
      '`close()` lève une exception dans les navigateurs pour tout code autre que 1000 et 3000–4999 (InvalidAccessError), y compris des codes que la version Node (`ws`) accepte, comme 1001 ou 1011',
    longReason:
      '`close()` lève une exception quand la raison dépasse 123 octets en UTF-8 (`SyntaxError` dans les navigateurs, `RangeError` sous Node)',
    reasonWithoutCode: 'la raison est abandonnée sous Node (`ws`) et dans la plupart des navigateurs, si bien que le pair voit 1005',
    connecting:
      'fermer avant la fin de la poignée de main l’interrompt : les navigateurs émettent `error` et `close` avec 1006 ; sous Node, `ws` émet une `error` qui fait planter le processus si aucun écouteur `error` n’est attaché',
    summary:
      'Le même code s’exécute sur `ws` sous Node et sur le WebSocket du navigateur ; seul ce que les deux acceptent est donc sûr : 1000 et 3000–4999, avec des raisons d’au plus 123 octets UTF-8.',
  },
  'bun-server': {
    name: 'le `ServerWebSocket` de Bun',
    invalidCode:
      '`close()` ne vérifie pas le code et l’envoie tel quel ; seuls 0, 1005 et 1006 donnent une trame Close sans code (et sans la raison). Un code qui n’est pas un nombre lève « close requires a numeric code or undefined »',
    longReason: 'la raison est tronquée à 123 octets sans avertissement',
    reasonWithoutCode: 'le code vaut 1000 par défaut et la raison est envoyée',
    connecting: NOT_CONNECTING,
    summary:
      'Les sockets serveur envoient tout code numérique sans vérification : un code invalide parvient au pair, qui peut alors faire échouer la connexion. Les raisons sont tronquées à 123 octets ; close() sans code envoie 1000 ; terminate() coupe la connexion sans trame Close.',
  },
  cloudflare: {
    name: 'Cloudflare Workers',
    invalidCode:
      '`close()` lève `InvalidAccessError: Invalid WebSocket close code: N.` pour les codes hors de 1000–4999 ainsi que pour 1004, 1005, 1006 et 1015, mais laisse passer 1016–2999',
    longReason:
      '`close()` lève une `SyntaxError` pour les raisons de plus de 123 octets UTF-8 (date de compatibilité 2026-03-03 ou ultérieure) ; avec une date de compatibilité plus ancienne, il n’y a aucune limite',
    reasonWithoutCode:
      'une raison sans code fait lever à `close()` `InvalidAccessError: If you specify a WebSocket close reason, you must also specify a code.` au lieu de fermer',
    connecting:
      'appeler `close()` sur un `new WebSocket()` sortant avant qu’il soit connecté l’annule (« Called close before connection was established. ») ; les sockets d’une WebSocketPair doivent être acceptés avant usage',
    summary:
      'Accepte 1000–4999 sauf 1004, 1005, 1006 et 1015 ; l’option pedantic_wpt restreint cela à l’ensemble des navigateurs. La validation s’applique même à un socket déjà fermé : renvoyer depuis un gestionnaire de fermeture un 1005 ou un 1006 reçu lève donc une exception.',
  },
  'deno-server': {
    name: 'le WebSocket serveur de Deno (`Deno.upgradeWebSocket`)',
    invalidCode:
      '`close()` ne vérifie pas le code : n’importe quelle valeur sur 16 bits, y compris 0, 1005, 1006 et 1015, part sur le réseau et le pair peut faire échouer la connexion',
    longReason: '`close()` lève `SyntaxError: The close reason may not be longer than 123 bytes`',
    reasonWithoutCode:
      'les octets de la raison forment toute la charge utile de la trame Close, sans code devant (Deno 2.6.6 et ultérieur) ; le pair lit donc ses deux premiers octets comme un code fantaisiste : « bye » arrive sous la forme 25209',
    connecting: NOT_CONNECTING,
    summary:
      'Les sockets issus de Deno.upgradeWebSocket échappent à la vérification de type navigateur qu’applique le WebSocket client de Deno : tout code est envoyé tel qu’écrit. Les raisons de plus de 123 octets lèvent une exception. Les sockets inactifs qui ne répondent pas à un ping sont fermés avec 1001 après idleTimeout (30 s par défaut).',
  },
  uws: {
    name: 'uWebSockets.js',
    invalidCode:
      '`end()` ne vérifie pas le code : il est ramené sur 16 bits (les valeurs plus grandes repartent de zéro) puis envoyé, sauf 0, 1005 et 1006, qui produisent une trame Close sans code',
    longReason: 'la raison est tronquée à 123 octets sans avertissement, éventuellement au milieu d’un caractère UTF-8',
    reasonWithoutCode: 'sans code, la trame ne porte ni code ni raison, si bien que le pair voit 1005',
    connecting: NOT_CONNECTING,
    summary:
      '`end(code, message)` est la fermeture propre ; `close()` ne prend aucun argument et coupe la connexion sans trame Close (le pair voit 1006). Les codes ne sont pas vérifiés. En réception, uWS traite 1012–3999 (y compris 3000, 3003 et 3008) comme une charge utile de fermeture invalide et signale 1006.',
  },
  'websocket-node': {
    name: 'WebSocket-Node (`websocket`)',
    invalidCode:
      '`close()` lève `Error: Close code N is not valid.` pour les codes hors de 1000–1003, 1007–1015 et 3000–4999 (1015 est accepté à tort), un code non numérique devient 1000 sans avertissement, et `drop()` envoie n’importe quel code sans vérification',
    longReason:
      'la description n’est pas vérifiée : une trame Close de plus de 125 octets part et le pair fait échouer la connexion',
    reasonWithoutCode: 'le code vaut 1000 par défaut et la description est envoyée',
    connecting:
      'la question ne se pose pas pour les objets connexion, qui n’existent qu’après la poignée de main (son adaptateur W3CWebSocket suit les règles des navigateurs)',
    summary:
      'connection.close(code, description) valide les codes mais admet 1015, que la RFC 6455 interdit sur le réseau ; connection.drop() ne vérifie rien (1002 par défaut) et détruit aussitôt le socket. À la réception d’une trame Close, il répond 1000 au lieu de renvoyer le code du pair.',
  },
  'reconnecting-websocket': {
    name: '`reconnecting-websocket`',
    invalidCode:
      '`close()` transmet le code au WebSocket sous-jacent, qui lève une exception dans les navigateurs pour tout code autre que 1000 et 3000–4999 ; `reconnect()` avale la même erreur sans rien dire',
    longReason:
      'le WebSocket sous-jacent lève une exception pour les raisons de plus de 123 octets UTF-8 (avalée sans rien dire par `reconnect()`)',
    reasonWithoutCode: 'le code vaut 1000 par défaut avant d’atteindre le socket sous-jacent, donc la raison est envoyée',
    connecting:
      'fermer avant qu’une tentative ait créé un socket ne fait qu’arrêter les tentatives suivantes ; sinon, le WebSocket sous-jacent abandonne la tentative de connexion comme le ferait un navigateur',
    summary:
      'Un adaptateur dont close(code = 1000, reason) arrête les reconnexions et appelle directement le WebSocket WHATWG sous-jacent : les règles des navigateurs s’appliquent donc, à savoir 1000 ou 3000–4999 et des raisons d’au plus 123 octets UTF-8.',
  },
  partysocket: {
    name: 'PartySocket (`partysocket`)',
    invalidCode:
      'l’exception du WebSocket sous-jacent est interceptée puis ignorée : rien n’est fermé, les écouteurs sont déjà retirés et aucun événement close n’est émis, si bien que le socket reste détaché',
    longReason: 'la `SyntaxError` sous-jacente est avalée de la même façon, et le socket reste détaché',
    reasonWithoutCode: 'le code vaut 1000 par défaut et la raison est envoyée',
    connecting:
      'fermer pendant que le socket interne se connecte encore abandonne cette tentative comme le ferait un navigateur, et arrête les reconnexions',
    summary:
      'close(code = 1000, reason) et reconnect(code, reason) passent par une déconnexion interne qui enveloppe le close() interne dans un catch vide. Un code ou une raison invalide ne lève jamais d’exception ; le socket est simplement cassé sans bruit. Tenez-vous-en à 1000 ou 3000–4999 et à des raisons d’au plus 123 octets UTF-8.',
  },
  'websocket-stream': {
    name: '`WebSocketStream`',
    invalidCode:
      '`close({ closeCode })` lève une `InvalidAccessError` pour les codes autres que 1000 et 3000–4999, et une `TypeError` pour les valeurs hors de 0–65535 ou non finies',
    longReason: '`close()` lève une `SyntaxError` quand la raison dépasse 123 octets en UTF-8',
    reasonWithoutCode: 'une raison non vide sans code est envoyée avec le code 1000',
    connecting: 'fermer avant la fin de la poignée de main abandonne la tentative de connexion',
    summary:
      'Le WebSocket à base de flux (proposition WHATWG, implémentée par undici, Deno et Chromium) prend `{ closeCode, reason }` et le vérifie comme WebSocket.close() : 1000 ou 3000–4999, des raisons d’au plus 123 octets UTF-8. closeCode est soumis à [EnforceRange] et non borné par [Clamp].',
  },
  'websocket-error': {
    name: '`WebSocketError`',
    invalidCode:
      '`new WebSocketError(message, { closeCode })` lève une `InvalidAccessError` pour les codes autres que 1000 et 3000–4999',
    longReason: 'le constructeur lève une `SyntaxError` quand la raison dépasse 123 octets en UTF-8',
    reasonWithoutCode: 'une raison non vide sans code reçoit le code 1000',
    connecting: 'la question ne se pose pas : créer l’erreur ne touche à aucune connexion',
    summary:
      'Sert à interrompre ou annuler les flux d’un WebSocketStream avec un code et une raison ; le constructeur les vérifie comme WebSocket.close() (1000 ou 3000–4999, au plus 123 octets UTF-8). Une WebSocketError reçue via `closed` peut porter des codes que les scripts ne peuvent pas envoyer, comme 1001.',
  },
  hono: {
    name: 'le `WSContext` de Hono',
    invalidCode:
      '`close()` transmet l’appel au socket de l’adaptateur ; avec l’adaptateur Node (@hono/node-ws, qui utilise ws), un code invalide lève `TypeError: First argument must be a valid error code number` et le socket reste dans l’état CLOSING',
    longReason:
      'avec l’adaptateur Node, `close()` lève `RangeError: The message must not be greater than 123 bytes`',
    reasonWithoutCode: 'avec l’adaptateur Node, la raison est abandonnée et le pair voit 1005',
    connecting: 'la question ne se pose pas : le contexte est créé pour un socket déjà passé par l’upgrade',
    summary:
      'WSContext.close(code, reason) délègue à l’adaptateur de la plateforme : ws pour @hono/node-ws (supposé ici), le ServerWebSocket de Bun, Deno ou Cloudflare Workers ailleurs. 1000–1003, 1007–1014 et 3000–4999 fonctionnent avec tous les adaptateurs.',
  },
};
