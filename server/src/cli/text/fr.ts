// Texte français de la CLI.
import type { CliText } from './cli-text';

export const CLI_TEXT_FR: CliText = {
  usage: `wsclose [options] [fichier|dossier|glob ...]
wsclose explain <code> [<code>] [options]
wsclose codes [options] [fichier|dossier|glob ...]

Trouve les appels WebSocket close(code, reason) mal employés, à l’aide du vérificateur de types de TypeScript.
Vérifie le dossier courant quand aucun fichier, dossier ou glob n’est donné.

Options :
  -c, --config <fichier>    Utiliser ce fichier de configuration pour tous les fichiers (par défaut : le wsclose.config.json le plus proche de chacun)
  -p, --project <tsconfig>  Utiliser ce tsconfig.json (ou dossier) pour tous les fichiers (par défaut : le plus proche de chacun)
  --rule <id:gravité>       Régler la gravité d’une règle : off, warn, error (ou 0, 1, 2) ; répétable
  --no-ignore               Vérifier aussi les fichiers exclus par les motifs "ignore" de la configuration
  -f, --format <nom>        Format de sortie : stylish (par défaut), json, sarif, github, junit ou gitlab
  -o, --output-file <fich.> Écrire le rapport dans ce fichier (les dossiers sont créés) plutôt que sur stdout
  --quiet                   Ne signaler que les erreurs, pas les avertissements (avec --fix : ne corriger que les erreurs)
  --max-warnings <nombre>   Terminer avec le code 1 s’il y a plus d’avertissements que ce nombre
  --fix                     Appliquer les corrections sûres aux fichiers, puis signaler ce qui reste
  --fix-dry-run             Appliquer les corrections sûres en mémoire seulement (sortie json : le texte corrigé dans "output")
  --baseline <fichier>      Ne signaler que les problèmes absents du fichier de référence ; lister les entrées périmées
  --baseline-write <fich.>  Enregistrer les problèmes actuels dans un fichier de référence
  --stats                   Afficher sur stderr la durée de chaque phase et des décomptes
  --debug                   Afficher sur stderr les fichiers retenus par le pré-filtrage, les programmes construits et
                            pourquoi chaque récepteur de close() est ou n’est pas un WebSocket (aussi DEBUG=wsclose)
  --print-config <fichier>  Afficher en JSON la configuration qui s’applique au fichier, puis terminer
  --shard <i/n>             Ne vérifier que la partie i sur n (matrices de CI) : un fichier est dans la partie
                            (empreinte de son chemin relatif au dossier courant) mod n + 1 ; les tâches lancées
                            depuis le même dossier se partagent les fichiers sans recouvrement et leurs résultats
                            json/sarif fusionnés valent ceux d’une seule exécution (pas avec --baseline*)
  --cache                   Reprendre les problèmes d’un fichier de l’exécution précédente quand ni lui ni aucun
                            fichier dont ils dépendent (imports, déclarations, config, tsconfig) n’a changé
  --cache-location <chemin> Fichier du cache, ou dossier où le mettre (par défaut : .wsclosecache dans le dossier courant)
  --cache-strategy <nom>    Comment voir qu’un fichier a changé : metadata (taille et date, puis contenu ; par défaut)
                            ou content
  --max-file-size <taille>  Ignorer, avec une note, les fichiers plus gros : en octets, ou avec kb/mb (par défaut : 4mb ; 0 : sans limite)
  --locale <langue>         Langue des messages et de l’aide : en ou fr (par défaut : d’après LC_ALL, LC_MESSAGES ou LANG)
  --color, --no-color       Forcer ou désactiver les couleurs (par défaut : actives quand stdout est un terminal)
  -h, --help                Afficher cette aide
  -v, --version             Afficher la version

Commandes :
  explain <code> [<code>]   Expliquer un code de fermeture d’après le registre, ou en comparer deux (voir wsclose explain --help)
  codes [fichier|dossier|glob ...] Lister les codes de fermeture que le projet envoie et traite (voir wsclose codes --help)

Mettez les motifs glob entre guillemets pour que le shell les laisse à wsclose : wsclose "src/**/*.ts"

Règles : {rules}

Codes de sortie : 0 aucune erreur, 1 des erreurs ou trop d’avertissements, 2 usage invalide, erreur de configuration ou erreur interne.
`,
  configFileMissing: 'Impossible de lire le fichier de configuration "{file}" : fichier introuvable.',
  stylish: {
    error: 'erreur',
    warning: 'avertissement',
    summary: '\u2716 {problems} ({errors}, {warnings})',
    fixable: '  {errors} et {warnings} potentiellement corrigeables avec l’option `--fix`.',
    nouns: { problem: ['problème', 'problèmes'], error: ['erreur', 'erreurs'], warning: ['avertissement', 'avertissements'] },
    singular: [0, 1],
  },
  notes: {
    warningAt: '{place}: avertissement : {message}',
    noteAt: '{place}: note : {message}',
    numberLocale: 'fr-FR',
    megabytes: '{value} Mo',
    tsconfigMissing: 'Impossible de lire le tsconfig "{project}" : fichier introuvable.',
    noFilesMatch: 'Aucun fichier ne correspond au motif "{pattern}".',
    noFilesMatchHint: 'Vérifiez que le motif ne contient pas de faute de frappe.',
    allIgnored: "Tous les fichiers correspondant à '{pattern}' sont ignorés.",
    skippedNodeModules: 'wsclose: {folder} n’est pas vérifié (les dossiers node_modules sont ignorés ; pour le vérifier, nommez le dossier ou déclarez ses paquets comme workspaces dans package.json).',
    tooLarge: 'Fichier ignoré car plus gros que --max-file-size ({size} > {limit}) ; de tels fichiers sont en général générés. Utilisez "--max-file-size 0" pour le vérifier quand même.',
    fixOfRule: 'correction de {ruleId}',
    fixOfDirective: 'correction d’un problème de directive',
    fixDropped: '{fix} abandonnée : le fichier ne pourrait plus être analysé',
    fixDroppedBecause: '{fix} abandonnée : le fichier ne pourrait plus être analysé : {reason} (TS{code})',
    fixesUnstable: 'wsclose: les corrections modifiaient encore des fichiers après {passes} passes ; les corrections restantes n’ont pas été appliquées.',
    notFixedChanged: 'non corrigé : le fichier a changé sur le disque pendant l’exécution ; relancez wsclose --fix.',
    notFixedWrite: 'non corrigé : impossible d’écrire le fichier : {error}',
    invalidEncoding: 'le fichier n’est pas en {encoding} valide : l’écrire modifierait aussi des octets qu’aucune correction ne touche',
    notInProgram: 'le fichier ne fait pas partie de son programme TypeScript ; vérifié sans information de type.',
    cacheIgnored: 'cache {file} ignoré : {reason} ; il sera réécrit.',
    cacheNotUpdated: 'le cache {file} n’a pas été mis à jour : {reason}.',
    cacheUnreadable: 'impossible de le lire ({error})',
    cacheNotJson: 'ce n’est pas un cache wsclose (pas du JSON)',
    cacheForeign: 'ce n’est pas un cache wsclose',
    cacheOtherVersion: 'il a été écrit par wsclose {version} (format de cache {format})',
    cacheUnwritable: 'impossible de l’écrire ({error})',
    baselineRecorded: ['wsclose: {count} problème enregistré dans {file}.', 'wsclose: {count} problèmes enregistrés dans {file}.'],
    baselineUnmatched: [
      'wsclose: {count} entrée de la référence ne correspond plus à aucun problème ; épurez {file} avec --baseline-write :',
      'wsclose: {count} entrées de la référence ne correspondent plus à aucun problème ; épurez {file} avec --baseline-write :',
    ],
    baselineWriteFailed: 'Impossible d’écrire le fichier de référence "{file}" : {error}',
    reportWriteFailed: 'Impossible d’écrire le rapport dans "{file}" : {error}',
    tooManyWarnings: 'wsclose a trouvé trop d’avertissements (maximum : {max}).',
    internalError: 'wsclose {version}: erreur interne : {message}',
  },
  args: {
    listOr: '{items} ou {last}',
    seeHelp: '{message} Voir {help}.',
    optionNeedsValue: "L’option '{option}' attend une valeur.",
    optionTakesNoValue: "L’option '{option}' ne prend pas de valeur.",
    unknownOptionPositional: "Option '{option}' inconnue. Pour donner un argument qui commence par '-', placez-le à la fin de la commande après '--', comme dans '-- \"{option}\"'.",
    unknownOptionDidYouMean: "Option '{option}' invalide. Vouliez-vous dire '--{suggestion}' ?",
    unknownOption: "Option '{option}' invalide. Options valides : {options} (voir wsclose --help).",
    optionsConflict: 'Les options {first} et {second} ne peuvent pas être utilisées ensemble.',
    baselineConflict: 'Les options --baseline et --baseline-write ne peuvent pas être utilisées ensemble : --baseline-write enregistre tous les problèmes de l’exécution.',
    shardWithBaseline: 'L’option --shard ne peut pas être utilisée avec --baseline ni --baseline-write : une référence couvre tous les fichiers d’une exécution. Lancez la référence sans --shard.',
    needsPath: 'L’option {option} attend un chemin de fichier.',
    invalidCacheStrategy: '--cache-strategy "{value}" invalide : utilisez metadata ou content.',
    invalidFormat: 'Format "{format}" invalide : utilisez {formats}.',
    invalidRule: '--rule "{value}" invalide : écrivez-la <id-de-règle>:<gravité>, par exemple --rule reserved-code:warn.',
    unknownRuleDidYouMean: 'Règle "{name}" inconnue dans --rule. Vouliez-vous dire "{suggestion}" ?',
    unknownRule: 'Règle "{name}" inconnue dans --rule. Règles : {rules}.',
    invalidSeverity: 'Gravité "{level}" invalide pour la règle "{name}" dans --rule : utilisez off, warn, error, 0, 1 ou 2.',
    invalidMaxFileSize: '--max-file-size "{value}" invalide : utilisez un nombre d’octets, ou de kilo-octets ou de mégaoctets avec kb ou mb (par exemple 4mb) ; 0 pour aucune limite.',
    invalidMaxWarnings: '--max-warnings "{value}" invalide : utilisez un nombre entier d’avertissements (0 ou plus).',
    invalidShard: '--shard "{value}" invalide : écrivez-le <index>/<nombre> avec 1 ≤ index ≤ nombre, par exemple --shard 2/4.',
    invalidLocale: '--locale "{value}" invalide : utilisez {locales}.',
    explainCodeCount: 'wsclose explain prend un code de fermeture, ou deux pour les comparer : wsclose explain 1000 1008.',
    explainInvalidFormat: 'Format "{format}" invalide pour explain : utilisez text, json ou markdown.',
    invalidCloseCode: 'Code de fermeture "{value}" invalide : utilisez un nombre entier de 0 à 65535.',
    codesInvalidFormat: 'Format "{format}" invalide pour wsclose codes : utilisez text, json ou markdown.',
  },
  explainUsage: `wsclose explain <code> [<code>] [options]

Affiche ce que le registre des codes de fermeture dit d’un code ; avec deux codes, les compare.
Les codes que nomme le wsclose.config.json qui s’applique au dossier courant, et ceux des profils
d’application qu’active son package.json (graphql-ws, Discord, Twitch), sont expliqués tels que le projet les emploie.

Options :
  -f, --format <nom>     text (par défaut), json ou markdown
  --locale <langue>      en ou fr (par défaut : d’après LC_ALL, LC_MESSAGES ou LANG)
  -c, --config <fichier> Utiliser ce fichier de configuration au lieu du wsclose.config.json le plus proche
  -h, --help             Afficher cette aide
`,
  codes: {
    usage: `wsclose codes [options] [fichier|dossier|glob ...]

Liste chaque code de fermeture que le projet envoie (appels de type close) et traite (comparaisons avec
un code reçu, cas de switch, ensembles de codes), où, et quels codes sont envoyés mais jamais traités
ou traités mais jamais envoyés.

Options :
  -c, --config <fichier>    Utiliser ce fichier de configuration pour tous les fichiers
  -p, --project <tsconfig>  Utiliser ce tsconfig.json (ou dossier) pour tous les fichiers
  --no-ignore               Inclure les fichiers exclus par les motifs "ignore" de la configuration
  -f, --format <nom>        Format de sortie : text (par défaut), json ou markdown
  --locale <langue>         en ou fr (par défaut : d’après LC_ALL, LC_MESSAGES ou LANG)
  -h, --help                Afficher cette aide
`,
    nothing: 'Aucun code de fermeture envoyé ni traité.',
    sentAt: '  envoyé   {place} ({runtime})',
    handledAt: '  traité   {place}',
    sentNotHandled: 'Envoyés mais jamais traités : {codes}',
    handledNotSent: 'Traités mais jamais envoyés par ce projet : {codes}',
    none: 'aucun',
    tableHeader: '| Code | Nom | Envoyé à | Traité à |',
    sentNotHandledHeading: '**Envoyés mais jamais traités**',
    handledNotSentHeading: '**Traités mais jamais envoyés par ce projet** (le pair peut être hors du projet)',
  },
  baseline: {
    cannotRead: 'Impossible de lire le fichier de référence "{file}" : {reason}.',
    noSuchFile: 'fichier introuvable',
    invalid: 'Fichier de référence "{file}" invalide : {problem}. Écrivez-en un nouveau avec --baseline-write.',
    notJson: 'ce n’est pas du JSON ({message})',
    notJsonAt: 'ce n’est pas du JSON à la ligne {line}, colonne {column} ({message})',
    notAnObject: 'un objet avec "version" et "entries" est attendu',
    badVersion: '"version" doit valoir {expected}, pas {actual}',
    entriesNotArray: '"entries" doit être un tableau',
    entryNotObject: '{at} doit être un objet',
    entryFile: '{at}.file doit être une chaîne non vide',
    entryRuleId: '{at}.ruleId doit être un id de règle wsclose ou null, pas {actual}',
    entryFingerprint: '{at}.fingerprint doit faire 16 chiffres hexadécimaux',
  },
  stats: {
    heading: 'wsclose: statistiques :',
    phases: { discover: 'recherche', config: 'config', programs: 'programmes', lint: 'analyse', fix: 'correction', baseline: 'référence', format: 'format', total: 'total' },
    phaseLine: '  {name}{ms} ms',
    counts: '  fichiers {files}{cached}, programmes {programs} ({programFiles} fichiers source, {lazyPasses} passes répétées), problèmes {findings}{fix}',
    cachedFiles: ' ({cached} repris du cache)',
    fixCounts: ', passes de correction {fixPasses}, fichiers corrigés {filesFixed}',
    nothingToCheck: '  aucun fichier ne peut contenir d’appel close() de WebSocket : le vérificateur de types n’a pas été lancé',
    progress: 'wsclose: {status}, {seconds} s',
    progressPhases: { 'finding-files': 'recherche des fichiers', 'building-programs': 'construction des programmes', fixing: 'correction' },
    progressFiles: '{checked}/{total} fichiers vérifiés',
  },
  files: {
    ignored: 'Fichier ignoré car il correspond à un motif "ignore". Utilisez "--no-ignore" pour le vérifier quand même.',
    notASourceFile: 'Fichier ignoré car ce n’est pas un fichier source JavaScript ou TypeScript : wsclose vérifie les fichiers {extensions} (pas .d.ts).',
    cannotReadBecause: 'Impossible de lire le fichier : {error}',
    resultsUnwritable: 'impossible d’écrire les résultats : {error}',
  },
};
