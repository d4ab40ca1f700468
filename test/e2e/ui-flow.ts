// The UI smoke flow in a real VS Code workbench (code-server + Chromium) with the INSTALLED .vsix:
// a squiggle appears, the Problems panel lists the finding, hovering shows the registry docs,
// Ctrl+. offers the fix and applying it clears the problem (shared/reference/real-editor-testing.md
// §2, "Driving it with Playwright"). Used by ui.test.ts and by `npm run screenshots`.
//
// The selectors are VS Code 1.100's internals; they are stable because code-server is pinned.
// Every step waits for a UI state with a deadline; nothing sleeps blindly.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { artifactPath, launchBrowser, newWorkbenchPage, removeHome, saveLogs, startCodeServer, VSIX, WORKSPACE } from './harness';

export interface UiFlowOptions {
  readonly chromium: string;
  /** Also write the README screenshots (squiggle + Problems, hover, quick-fix menu) here. */
  readonly readmeScreenshots?: string;
  /** Progress lines (milestones with their time). */
  readonly log?: (line: string) => void;
}

export interface UiFlowResult {
  /** Milestone name → milliseconds since the start. */
  readonly milestones: ReadonlyArray<readonly [string, number]>;
  readonly screenshots: readonly string[];
}

// Waits, not timing assertions: the first diagnostics come from a cold language server, slow on a loaded machine.
const UI_TIMEOUT = 60_000;

/** The file, the finding and its fix that the flow checks (test/fixtures/e2e-workspace/src/chat.ts). */
export const UI_FILE = 'chat.ts';
const PROBLEM = '1005 (No Status Received) is reserved';
const HOVER_TITLE = 'No Status Received';
/** Text only the hover card has (not the diagnostic message). */
const HOVER_REGISTRY = /How to fix/;
const FIX_TITLE = 'Send 1000 (Normal Closure) instead';
/** The fixed line; the inlay hint with the code's name sits inside the view line's text. */
const FIXED_LINE = /socket\.close\(1000(\s*⟨Normal\sClosure⟩)?\);/;

/** README screenshots: file name → what it shows. */
export const README_SCREENSHOTS = {
  problems: 'vscode-squiggle-problems.png',
  hover: 'vscode-hover.png',
  quickFix: 'vscode-quick-fix.png',
} as const;

export async function runUiFlow(options: UiFlowOptions): Promise<UiFlowResult> {
  const started = Date.now();
  const milestones: Array<[string, number]> = [];
  const screenshots: string[] = [];
  const mark = (name: string): void => {
    milestones.push([name, Date.now() - started]);
    options.log?.(`${name} ${Date.now() - started} ms`);
  };
  const server = await startCodeServer({
    name: 'ui',
    vsix: VSIX,
    settings: {
      // Readable README screenshots; hovers wait for the mouse only.
      'editor.fontSize': 15,
      'editor.hover.delay': 300,
      'workbench.colorTheme': 'Default Dark Modern',
      'breadcrumbs.enabled': false,
      'workbench.layoutControl.enabled': false,
    },
  });
  mark('code-server ready');
  let page: Page | undefined;
  const browser = await launchBrowser(options.chromium);
  try {
    page = await newWorkbenchPage(browser, 'ui');
    const shot = async (name: string, readmeName?: string): Promise<void> => {
      const file = artifactPath(`ui-${name}.png`);
      await page!.screenshot({ path: file });
      screenshots.push(file);
      if (readmeName && options.readmeScreenshots) {
        fs.mkdirSync(options.readmeScreenshots, { recursive: true });
        const target = path.join(options.readmeScreenshots, readmeName);
        fs.copyFileSync(file, target);
        screenshots.push(target);
      }
    };

    await page.goto(server.url(WORKSPACE));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer shows the folder once the workbench is connected to the remote.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'src' }).first().waitFor({ timeout: UI_TIMEOUT });
    mark('workbench');

    await openFile(page, UI_FILE);
    mark('file open');

    const editor = page.locator('.editor-instance .monaco-editor').first();
    const error = editor.locator('.squiggly-error').first();
    await error.waitFor({ timeout: UI_TIMEOUT });
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT });
    mark('squiggles');

    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: PROBLEM });
    await problem.first().waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'mismatched-code' }).first().waitFor({ timeout: UI_TIMEOUT });
    mark('problems panel');
    // Focus the editor with the cursor on the last (empty) line: no lightbulb, clear squiggles.
    await clickText(page, editor, 'WebSocketServer');
    await page.keyboard.press('Control+End');
    await page.locator('.statusbar-item', { hasText: /Ln 19, Col 1\b/ }).first().waitFor({ timeout: UI_TIMEOUT });
    await shot('problems', README_SCREENSHOTS.problems);

    const hover = await hoverOver(page, error, HOVER_REGISTRY);
    mark('hover');
    // The hover fades in: a screenshot taken as soon as its text is there catches it half transparent.
    await page.waitForTimeout(1000);
    await shot('hover', README_SCREENSHOTS.hover);
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await hover.first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT }).catch(() => undefined);

    // Put the cursor inside the squiggle and wait for the lightbulb before Ctrl+. (pressing it
    // straight away races and shows "No code actions available").
    await clickInside(page, error);
    await page.locator('.monaco-editor .lightBulbWidget').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: FIX_TITLE }).first();
    await fix.waitFor({ timeout: UI_TIMEOUT });
    mark('quick-fix menu');
    await focusAction(page, FIX_TITLE);
    await shot('quick-fix', README_SCREENSHOTS.quickFix);
    await page.keyboard.press('Enter');

    await editor.locator('.view-line', { hasText: FIXED_LINE }).first().waitFor({ timeout: UI_TIMEOUT });
    await problem.first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await editor.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    // The other finding (mismatched-code) is still listed: the panel updated, it did not just close.
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'mismatched-code' }).first().waitFor({ timeout: UI_TIMEOUT });
    mark('fixed');
    await shot('fixed');
    return { milestones, screenshots };
  } catch (error) {
    if (page) {
      await page.screenshot({ path: artifactPath('ui-failure.png') }).catch(() => undefined);
      const lines = await page.locator('.editor-instance .monaco-editor .view-line').allTextContents().catch(() => []);
      fs.writeFileSync(artifactPath('ui-failure-editor.txt'), lines.map((line) => JSON.stringify(line)).join('\n'));
    }
    throw error;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    saveLogs(server, 'ui');
    removeHome(server);
  }
}

/** Quick Open (Ctrl+P), wait for the file's row, Enter, wait for its editor tab and text. */
async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: UI_TIMEOUT });
}

/** Moves the action list's focus (keyboard, as a user would) onto the row titled `title`. */
async function focusAction(page: Page, title: string): Promise<void> {
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  for (let moves = 0; moves < 40; moves++) {
    const label = (await focused.first().getAttribute('aria-label', { timeout: UI_TIMEOUT })) ?? '';
    if (label === title) return;
    await page.keyboard.press('ArrowDown');
    // Wait until the focus has moved off the previous row.
    await page.locator('.action-widget .monaco-list-row.focused', { hasNotText: label }).first().waitFor({ timeout: UI_TIMEOUT });
  }
  throw new Error(`no action titled ${title} in the Quick Fix menu`);
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox({ timeout: UI_TIMEOUT });
  if (!found) throw new Error('element has no bounding box');
  return found;
}

/** Moves the mouse onto a squiggle and returns the (eventual) hover widget. */
/**
 * Hovers a squiggle until the hover shows `expected`. A loaded machine can miss one mouse move (the
 * hover never opens, as seen once in CI): then the mouse leaves and comes back, up to three times.
 */
async function hoverOver(page: Page, squiggle: Locator, expected: RegExp): Promise<Locator> {
  const hover = page.locator('.monaco-hover:visible', { hasText: HOVER_TITLE });
  for (let attempt = 1; ; attempt++) {
    const { x, y, width, height } = await box(squiggle);
    await page.mouse.move(x + width / 2, y + height / 2 - 4, { steps: 5 });
    try {
      await hover.filter({ hasText: expected }).first().waitFor({ timeout: attempt < 3 ? UI_TIMEOUT / 2 : UI_TIMEOUT });
      return hover;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.mouse.move(5, 400, { steps: 2 });
    }
  }
}

async function clickInside(page: Page, squiggle: Locator): Promise<void> {
  const { x, y, width, height } = await box(squiggle);
  await page.mouse.click(x + width / 2, y + height / 2 - 4);
}

async function clickText(page: Page, editor: Locator, text: string): Promise<void> {
  const { x, y, width, height } = await box(editor.locator('.view-line span', { hasText: text }).first());
  await page.mouse.click(x + width - 2, y + height / 2);
}
