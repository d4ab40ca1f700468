// Texte français des actions de code et des messages du serveur de langage.
import type { LspText } from './lsp-text';

export const LSP_TEXT_FR: LspText = {
  codeActions: {
    fixRule: 'Corriger ce problème {ruleId}',
    fixDirective: 'Corriger ce problème de directive',
    disableLine: 'Désactiver {ruleId} pour cette ligne',
    disableFile: 'Désactiver {ruleId} pour tout le fichier',
    showRuleDocs: 'Afficher la documentation de {ruleId}',
    showDirectiveDocs: 'Afficher la documentation des directives wsclose',
    fixAll: 'Corriger tous les problèmes wsclose corrigibles automatiquement',
  },
  documentationAt: 'Documentation de wsclose : {path}',
  invalidConfig: {
    one: 'wsclose : {fallback} s’applique jusqu’à ce que ce problème soit corrigé : {problem}',
    many: 'wsclose : {fallback} s’applique jusqu’à ce que ces {count} problèmes soient corrigés (tous dans le journal) ; le premier : {problem}',
    lastValid: 'la dernière configuration valide',
    defaults: 'la configuration par défaut',
  },
};
