/// <reference types="vscode" />
// The Close-Code Reference view: the server's map of the close codes the workspace sends and
// handles (`wsclose/codeMap`) as a tree — code → "Sent at" / "Handled at" → each place, a link
// that opens the file at it. The server computes everything; this only lays it out. The map is
// asked for again (debounced, while the view is visible) when a file is saved, diagnostics
// change or the server restarts.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { CODE_MAP_REQUEST } from '../../server/src/protocol';
import type { CodeMapCode, CodeMapPlace, CodeMapResult } from '../../server/src/protocol';
import type { ClientHandle } from './client-handle';

export const CODE_MAP_VIEW = 'wsclose.codeMap';
const REFRESH_DELAY_MS = 500;

export type CodeMapNode =
  | { readonly kind: 'code'; readonly entry: CodeMapCode; readonly sentNotHandled: boolean; readonly handledNotSent: boolean }
  | { readonly kind: 'group'; readonly role: 'sent' | 'handled'; readonly entry: CodeMapCode }
  | { readonly kind: 'place'; readonly place: CodeMapPlace & { readonly runtime?: string } };

export class CodeMapTree implements vscode.TreeDataProvider<CodeMapNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: CodeMapResult | undefined;
  private loading: Promise<CodeMapResult | undefined> | undefined;
  /** Something changed while a request was running: its answer may be stale. */
  private again = false;
  /** Set by the view: a message above the tree (server stopped, request failed, partial map). */
  onMessage: (message: string | undefined) => void = () => undefined;

  constructor(private readonly handle: ClientHandle) {}

  /** The current map, asked for when there is none yet. */
  async map(): Promise<CodeMapResult | undefined> {
    return this.result ?? (await this.load());
  }

  /** Asks the server for the map again and redraws the tree; asked during a request, asks once more after it. */
  load(): Promise<CodeMapResult | undefined> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = (async () => {
      let result: CodeMapResult | undefined;
      do {
        this.again = false;
        result = await this.request();
      } while (this.again);
      return result;
    })().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async request(): Promise<CodeMapResult | undefined> {
    const client = this.handle.current;
    if (!client || client.state !== State.Running) {
      this.result = undefined;
      this.onMessage(vscode.l10n.t('The wsclose server is not running.'));
      this.changed.fire();
      return undefined;
    }
    try {
      this.result = await client.sendRequest<CodeMapResult>(CODE_MAP_REQUEST, {});
      this.onMessage(this.result.truncated ? vscode.l10n.t('The workspace is large: the map covers part of it.') : undefined);
    } catch (error) {
      this.handle.output.warn(`${CODE_MAP_REQUEST} failed: ${error instanceof Error ? error.message : String(error)}`);
      this.onMessage(vscode.l10n.t('The map of close codes could not be read. The wsclose output may say why.'));
    }
    this.changed.fire();
    return this.result;
  }

  async getChildren(node?: CodeMapNode): Promise<CodeMapNode[]> {
    if (!node) {
      const map = await this.map();
      if (!map) return [];
      const sentNotHandled = new Set(map.sentNotHandled);
      const handledNotSent = new Set(map.handledNotSent);
      return map.codes.map((entry) => ({ kind: 'code', entry, sentNotHandled: sentNotHandled.has(entry.code), handledNotSent: handledNotSent.has(entry.code) }));
    }
    if (node.kind === 'code') return (['sent', 'handled'] as const).map((role) => ({ kind: 'group', role, entry: node.entry }));
    if (node.kind === 'group') return node.role === 'sent' ? node.entry.sent.map((place) => ({ kind: 'place', place })) : node.entry.handled.map((place) => ({ kind: 'place', place }));
    return [];
  }

  getTreeItem(node: CodeMapNode): vscode.TreeItem {
    if (node.kind === 'code') {
      const item = new vscode.TreeItem(`${node.entry.code} ${node.entry.name}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `code:${node.entry.code}`;
      item.description = node.sentNotHandled ? vscode.l10n.t('never handled here') : node.handledNotSent ? vscode.l10n.t('never sent here') : undefined;
      item.iconPath = new vscode.ThemeIcon(node.sentNotHandled ? 'warning' : 'symbol-number');
      item.contextValue = 'wsclose.code';
      return item;
    }
    if (node.kind === 'group') {
      const places = node.role === 'sent' ? node.entry.sent : node.entry.handled;
      const label = node.role === 'sent' ? vscode.l10n.t('Sent at') : vscode.l10n.t('Handled at');
      const item = new vscode.TreeItem(label, places.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = `code:${node.entry.code}:${node.role}`;
      item.description = places.length > 0 ? String(places.length) : vscode.l10n.t('nowhere in this workspace');
      item.iconPath = new vscode.ThemeIcon(node.role === 'sent' ? 'arrow-up' : 'arrow-down');
      return item;
    }
    const { place } = node;
    const uri = vscode.Uri.parse(place.uri);
    const position = new vscode.Position(place.line, place.character);
    const item = new vscode.TreeItem(`${vscode.workspace.asRelativePath(uri)}:${place.line + 1}:${place.character + 1}`, vscode.TreeItemCollapsibleState.None);
    item.resourceUri = uri;
    item.iconPath = vscode.ThemeIcon.File;
    if (place.runtime) item.description = place.runtime;
    item.tooltip = item.label as string;
    item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(position, position) } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the view, its refresh command and the events that refresh it. */
export function registerCodeMapView(context: vscode.ExtensionContext, handle: ClientHandle): CodeMapTree {
  const tree = new CodeMapTree(handle);
  const view = vscode.window.createTreeView(CODE_MAP_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  tree.onMessage = (message) => (view.message = message);
  let timer: NodeJS.Timeout | undefined;
  let stale = false;
  /** Coalesces bursts (a save re-publishes every open file's diagnostics); a hidden view refreshes when shown. */
  const schedule = (delay = REFRESH_DELAY_MS): void => {
    if (!view.visible) {
      stale = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tree.load(), delay);
  };
  context.subscriptions.push(
    tree,
    view,
    vscode.commands.registerCommand('wsclose.refreshCodeMap', () => tree.load()),
    view.onDidChangeVisibility(() => {
      if (view.visible && stale) {
        stale = false;
        schedule(0);
      }
    }),
    vscode.workspace.onDidSaveTextDocument(() => schedule()),
    vscode.languages.onDidChangeDiagnostics(() => schedule()),
    handle.onDidChangeState(() => schedule(0)),
    { dispose: () => timer && clearTimeout(timer) },
  );
  return tree;
}
