// RESULTS.md for the real-world corpus run (run.mjs): totals per rule and overall in both views,
// the split by the findings' own confidence, one row per repository, then the lists a human works
// from: untriaged findings, missed expectations, wrong findings, crashes, files not checked and skips.

const percent = (part, whole) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);
/** One table cell: no line breaks, pipes escaped. */
const cell = (text) => String(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
const row = (cells) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const location = (item) => `${item.file}:${item.line}`;
/** A finding's message in a list: its first sentence is enough to find and judge the call. */
const firstSentence = (message) => cell(message).match(/^.*?[.!?](?=\s|$)/)?.[0] ?? cell(message);

function countsTable(tallied) {
  const cells = (name, c) => [name, c.expected, c.found, percent(c.found, c.expected), c.findings, c.matched, c.wrong, c.untriaged, percent(c.matched, c.findings)];
  return table(
    ['rule', 'expected pairs', 'found', 'recall', 'findings', 'matched', 'wrong', 'untriaged', 'precision'],
    [...[...tallied.byRule].map(([rule, c]) => cells(rule, c)), cells('**all rules**', tallied.overall)],
  );
}

function confidenceTable(tallies) {
  const rows = [];
  for (const [view, tallied] of [['high+medium labels', tallies.scored], ['every finding', tallies.all]]) {
    for (const [confidence, c] of tallied.byFindingConfidence) rows.push([view, confidence, c.findings, c.matched, c.wrong, c.untriaged, percent(c.matched, c.findings)]);
  }
  return rows.length === 0 ? '_No findings._' : table(['view', 'finding confidence', 'findings', 'matched', 'wrong', 'untriaged', 'precision'], rows);
}

function repoRow(report) {
  if (report.status !== 'ok') return [report.repo, report.commit?.slice(0, 10) ?? '', report.status, '', '', '', '', '', '', '', '', '', '', cell(report.reason ?? '')];
  const exits = report.runs.map((run) => (run.crashed ? `crash (${run.package})` : String(run.exitCode))).join(', ');
  const install = report.install.map((note) => (report.install.length > 1 ? `${note.folder}: ${note.status}` : note.status)).join(', ');
  const scoredPairs = report.score.expected.filter((pair) => pair.confidence !== 'low');
  const found = scoredPairs.filter((pair) => pair.found).length;
  const findings = report.score.findings;
  const count = (verdict) => findings.filter((finding) => finding.verdict === verdict).length;
  const seconds = Math.round(report.runs.reduce((sum, run) => sum + run.ms, 0) / 1000);
  const notes = [
    report.labelled ? '' : 'no labels',
    ...report.notes,
    ...report.runs.filter((run) => run.crashed).map((run) => `${run.package}: ${run.reason}`),
    ...report.install.filter((note) => note.status === 'failed').map((note) => `install failed in ${note.folder}: ${note.detail}`),
  ].filter(Boolean);
  return [report.repo, report.commit.slice(0, 10), install, exits, report.labelled ? report.scoredLabels : '–', scoredPairs.length, found, percent(found, scoredPairs.length), findings.length, count('matched'), count('wrong'), count('untriaged'), `${seconds} s`, notes.join('; ')];
}

function findingLine(repo, finding) {
  const extra = finding.why ? ` (${finding.labelConfidence ? `label, ${finding.labelConfidence}` : 'triage'}: ${finding.why})` : '';
  return `- ${repo} \`${location(finding)}\` ${finding.rule} — ${firstSentence(finding.message)}${extra}`;
}

function listSection(title, intro, lines) {
  return [`## ${title}`, '', intro, '', lines.length === 0 ? '_None._' : lines.join('\n'), ''];
}

export function renderMarkdown(summary) {
  const ok = summary.repos.filter((report) => report.status === 'ok');
  const crashedRuns = ok.flatMap((report) => report.runs.filter((run) => run.crashed).map((run) => `- ${report.repo} (${run.package}): ${cell(run.reason)}`));
  const untriaged = [];
  const missed = [];
  const wrong = [];
  for (const report of ok) {
    for (const finding of report.score.findings) {
      if (finding.verdict === 'untriaged') untriaged.push(`- ${report.repo} \`${location(finding)}\` ${finding.rule} — ${firstSentence(finding.message)}`);
      if (finding.verdict === 'wrong') wrong.push(findingLine(report.repo, finding));
    }
    for (const pair of report.score.expected) {
      if (!pair.found && pair.confidence !== 'low') missed.push(`- ${report.repo} \`${pair.file}:${pair.line}${pair.endLine !== pair.line ? `-${pair.endLine}` : ''}\` ${pair.rule} (${pair.confidence})${pair.why ? ` — ${cell(pair.why)}` : ''}`);
    }
  }
  // A file wsclose could not check (a fatal message) hides its findings as surely as a crash.
  const uncheckable = ok.flatMap((report) =>
    report.runs.flatMap((run) => (run.fileMessages ?? []).filter((message) => message.fatal).map((message) => `- ${report.repo} \`${message.file}\`: ${cell(firstSentence(message.message))}`)),
  );
  const notRun = summary.repos.filter((report) => report.status !== 'ok').map((report) => `- ${report.repo}: ${report.status}, ${cell(report.reason)}`);
  return [
    '# Real-world corpus results',
    '',
    `Command: \`${summary.command}\`  `,
    `Date: ${summary.date} (${summary.minutes} min)  `,
    `wsclose: ${summary.wsclose.commit}${summary.wsclose.uncommittedChanges ? ' with uncommitted changes' : ''}  `,
    `Repositories: ${summary.repos.length} of ${summary.corpusSize} in corpus.json; ${ok.length} run, ${summary.repos.length - ok.length} skipped or failed, ${crashedRuns.length} crashed wsclose runs.`,
    '',
    'A finding matches a label when it is in the same file and starts within the label\'s lines; it is',
    '**matched** when that label expects its rule (or triage says it is right), **wrong** when the label',
    'does not (or triage says wrong), **untriaged** when no label covers it and nobody has judged it yet.',
    'Precision = matched / findings, so untriaged findings lower it until they are triaged (list below).',
    'Recall = expected (label, rule) pairs with a finding of that rule / expected pairs.',
    '',
    '## High and medium labels',
    '',
    'Low labels are left out, with the findings they decide.',
    '',
    countsTable(summary.tally.scored),
    '',
    '## Every label and finding',
    '',
    countsTable(summary.tally.all),
    '',
    '## By the findings\' confidence',
    '',
    'Precision split by the `confidence` field of the JSON output (`(none)`: findings without one).',
    '',
    confidenceTable(summary.tally),
    '',
    '## Per repository',
    '',
    'Labels (call sites), expected pairs, found and recall at high and medium labels; findings and verdicts over every finding.',
    '',
    table(['repository', 'commit', 'install', 'exit codes', 'labels', 'expected', 'found', 'recall', 'findings', 'matched', 'wrong', 'untriaged', 'time', 'notes'], summary.repos.map(repoRow)),
    '',
    ...listSection('Untriaged findings', 'Findings on lines no label covers: add a verdict to `triage/<owner>__<name>.json` (or label the call).', untriaged),
    ...listSection('Missed', 'Expected (label, rule) pairs at high and medium labels that no finding of that rule reached.', missed),
    ...listSection('Wrong findings', 'Findings their label or triage verdict says are wrong.', wrong),
    ...listSection('Crashes', 'wsclose runs that exited with 2, died, timed out or printed no JSON.', crashedRuns),
    ...listSection('Files not checked', 'Files a run reported it could not check (fatal messages): their findings are missing.', uncheckable),
    ...listSection('Not run', 'Repositories with no checkout (a missing mirror) or a failed checkout.', notRun),
  ].join('\n') + '\n';
}
