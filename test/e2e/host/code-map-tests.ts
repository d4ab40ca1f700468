/// <reference types="vscode" />
// The Close-Code Reference view in the extension host: the tree the extension hands VS Code (its
// TreeDataProvider, returned by activate) equals `wsclose codes --format json` on the fixture
// workspace, a place opens its file at the line, and an edit refreshes the tree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostConfig } from './protocol';
import { file, open, poll, revert, step } from './tests';
import type { HostTest } from './tests';

const EXTENSION_ID = 'wsclose.wsclose';

/** What the tests read of the extension's CodeMapTree (client/src/code-map-view.ts). */
interface CodeMapTree {
  getChildren(node?: unknown): Promise<unknown[]>;
  getTreeItem(node: unknown): vscode.TreeItem;
}

interface RenderedPlace {
  readonly label: string;
  readonly description: string | undefined;
  readonly command: vscode.Command | undefined;
}

interface RenderedCode {
  readonly label: string;
  readonly groups: ReadonlyArray<{ readonly label: string; readonly places: readonly RenderedPlace[] }>;
}

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

/** The whole tree as the view shows it. */
async function render(tree: CodeMapTree): Promise<RenderedCode[]> {
  const codes: RenderedCode[] = [];
  for (const code of await tree.getChildren()) {
    const groups = [];
    for (const group of await tree.getChildren(code)) {
      const places = (await tree.getChildren(group)).map((place) => {
        const item = tree.getTreeItem(place);
        return { label: labelOf(item), description: typeof item.description === 'string' ? item.description : undefined, command: item.command };
      });
      groups.push({ label: labelOf(tree.getTreeItem(group)), places });
    }
    codes.push({ label: labelOf(tree.getTreeItem(code)), groups });
  }
  return codes;
}

/** The tree without commands, for comparisons. */
const shape = (codes: readonly RenderedCode[]) =>
  codes.map((code) => ({ label: code.label, groups: code.groups.map((group) => ({ label: group.label, places: group.places.map((p) => `${p.label}${p.description ? ` (${p.description})` : ''}`) })) }));

/** The tree the CLI's map should give. */
function expectedShape(config: HostConfig) {
  const french = /^fr/.test(vscode.env.language);
  const [sentAt, handledAt] = french ? ['Envoyé dans', 'Traité dans'] : ['Sent at', 'Handled at'];
  return config.codeMap.codes.map((code) => ({
    label: `${code.code} ${code.name}`,
    groups: [
      { label: sentAt, places: code.sent.map((p) => `${p.file}:${p.line}:${p.column} (${p.runtime})`) },
      { label: handledAt, places: code.handled.map((p) => `${p.file}:${p.line}:${p.column}`) },
    ],
  }));
}

async function codeMapTree(): Promise<CodeMapTree> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  await poll(`${EXTENSION_ID} to activate`, () => extension.isActive, 30_000);
  const tree = (extension.exports as { codeMap?: CodeMapTree } | undefined)?.codeMap;
  assert.ok(tree, 'activate returns the code map tree');
  // The view's own focus command: the view is contributed and shows.
  await step('wsclose.codeMap.focus', vscode.commands.executeCommand('wsclose.codeMap.focus'));
  return tree;
}

export const CODE_MAP_TESTS: readonly HostTest[] = [
  {
    name: "the Close-Code Reference view shows the workspace's code map (as wsclose codes), each place a link to its line",
    suites: ['en', 'fr'],
    timeoutMs: 60_000,
    async run(config) {
      assert.ok(config.codeMap.sentNotHandled.length > 0 && config.codeMap.handledNotSent.length > 0, 'the fixture sends and handles codes');
      const tree = await codeMapTree();
      const expected = expectedShape(config);
      const codes = await poll('the tree to show the map', async () => {
        const rendered = await render(tree);
        return JSON.stringify(shape(rendered)) === JSON.stringify(expected) ? rendered : undefined;
      }, 30_000);
      // A place is a link: it opens the file with the cursor on the code.
      const handled = config.codeMap.codes.find((code) => code.handled.length > 0 && code.sent.length > 0)!;
      const place = handled.handled[0]!;
      const link = codes.find((code) => code.label.startsWith(`${handled.code} `))!.groups[1]!.places[0]!;
      assert.equal(link.command?.command, 'vscode.open');
      await step(`open ${link.label}`, vscode.commands.executeCommand(link.command.command, ...(link.command.arguments ?? [])));
      const editor = await poll(`${place.file} to be the active editor`, () => {
        const active = vscode.window.activeTextEditor;
        return active && active.document.uri.fsPath === file(config, place.file).fsPath ? active : undefined;
      });
      assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [place.line - 1, place.column - 1], 'the cursor is on the code');
    },
  },
  {
    name: 'the Close-Code Reference view follows an edit (unsaved): a newly handled code appears, and goes on revert',
    suites: ['en'],
    timeoutMs: 60_000,
    async run(config) {
      const tree = await codeMapTree();
      const lobby = (await open(file(config, 'src/lobby.ts'))).document;
      const anchor = "else if (code === 4000) console.log('You were removed from the room.');";
      const at = lobby.getText().indexOf(anchor);
      assert.ok(at >= 0, `${anchor} in src/lobby.ts`);
      const handles1005 = (codes: readonly RenderedCode[]) =>
        codes.find((code) => code.label.startsWith('1005 '))?.groups[1]?.places.some((p) => p.label.startsWith('src/lobby.ts:9:')) === true;
      try {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(lobby.uri, lobby.positionAt(at + anchor.length), "\n    else if (code === 1005) console.log('Closed without a code.');");
        assert.ok(await vscode.workspace.applyEdit(edit));
        await poll('1005 handled in src/lobby.ts:9 in the tree', async () => handles1005(await render(tree)), 30_000);
      } finally {
        await revert(lobby);
      }
      await poll('the tree back to the map on disk', async () => JSON.stringify(shape(await render(tree))) === JSON.stringify(expectedShape(config)), 30_000);
    },
  },
];
