// Scoring of the real-world corpus (test/realworld/README.md, "Scoring"): wsclose's findings in one
// repository against its hand labels and triage verdicts. Pure, so that `npm test` can check it
// without the mirrors; run.mjs imports the compiled copy from out/.

export type LabelConfidence = 'high' | 'medium' | 'low';

export interface Label {
  /** Relative to the repository root, with forward slashes. */
  readonly file: string;
  readonly line: number;
  /** Defaults to `line`. */
  readonly endLine?: number;
  /** Rule ids a correct tool reports here; `[]`: nothing must be reported. */
  readonly expect: readonly string[];
  readonly confidence: LabelConfidence;
  readonly why?: string;
}

export interface TriageVerdict {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly verdict: 'right' | 'wrong';
  readonly why?: string;
}

export interface Finding {
  /** Relative to the repository root, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly rule: string;
  readonly message: string;
  /** The JSON output's `confidence` field, when it has one. */
  readonly confidence?: string;
}

/**
 * - `matched`: a label it lies in expects its rule, or triage says it is right.
 * - `wrong`: it lies only in labels that do not expect its rule, or triage says it is wrong.
 * - `untriaged`: no label and no verdict yet; counted as not matched until someone triages it.
 */
export type Verdict = 'matched' | 'wrong' | 'untriaged';

export interface ScoredFinding extends Finding {
  readonly verdict: Verdict;
  /** The confidence of the label that decided the verdict; undefined when no label covers the finding. */
  readonly labelConfidence?: LabelConfidence;
  /** Why the label or the verdict says so. */
  readonly why?: string;
}

export interface ExpectedPair {
  readonly file: string;
  readonly line: number;
  readonly endLine: number;
  readonly rule: string;
  readonly confidence: LabelConfidence;
  readonly found: boolean;
  readonly why?: string;
}

export interface RepoScore {
  readonly findings: readonly ScoredFinding[];
  readonly expected: readonly ExpectedPair[];
}

const CONFIDENCE_RANK: Record<LabelConfidence, number> = { high: 2, medium: 1, low: 0 };

/** Scored labels are high and medium ones; low labels only count in the "every finding" view. */
export function isScoredConfidence(confidence: LabelConfidence): boolean {
  return confidence !== 'low';
}

function covers(label: Label, finding: { file: string; line: number }): boolean {
  return label.file === finding.file && finding.line >= label.line && finding.line <= (label.endLine ?? label.line);
}

/**
 * The same problem reported twice (two package folders that overlap) counts once: findings are
 * kept once per file, line, column and rule, in their first order.
 */
export function uniqueFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.file}\0${finding.line}\0${finding.column ?? ''}\0${finding.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function scoreFinding(finding: Finding, labels: readonly Label[], triage: readonly TriageVerdict[]): ScoredFinding {
  const covering = labels.filter((label) => covers(label, finding));
  if (covering.length > 0) {
    const expecting = covering.filter((label) => label.expect.includes(finding.rule));
    // Several labels can cover one line (a call inside another's arguments): the most certain one
    // that expects the rule decides, else the most certain one that does not.
    const decisive = (expecting.length > 0 ? expecting : covering).reduce((best, label) => (CONFIDENCE_RANK[label.confidence] > CONFIDENCE_RANK[best.confidence] ? label : best));
    return { ...finding, verdict: expecting.length > 0 ? 'matched' : 'wrong', labelConfidence: decisive.confidence, ...(decisive.why !== undefined ? { why: decisive.why } : {}) };
  }
  const verdict = triage.find((entry) => entry.file === finding.file && entry.line === finding.line && entry.rule === finding.rule);
  if (verdict === undefined) return { ...finding, verdict: 'untriaged' };
  return { ...finding, verdict: verdict.verdict === 'right' ? 'matched' : 'wrong', ...(verdict.why !== undefined ? { why: verdict.why } : {}) };
}

/** Every finding's verdict and every expected (label, rule) pair with whether a finding of that rule lies in the label. */
export function scoreRepo(labels: readonly Label[], triage: readonly TriageVerdict[], findings: readonly Finding[]): RepoScore {
  const unique = uniqueFindings(findings);
  const expected = labels.flatMap((label) =>
    [...new Set(label.expect)].map((rule) => ({
      file: label.file,
      line: label.line,
      endLine: label.endLine ?? label.line,
      rule,
      confidence: label.confidence,
      found: unique.some((finding) => finding.rule === rule && covers(label, finding)),
      ...(label.why !== undefined ? { why: label.why } : {}),
    })),
  );
  return { findings: unique.map((finding) => scoreFinding(finding, labels, triage)), expected };
}

export interface Counts {
  /** Expected (label, rule) pairs. */
  expected: number;
  /** Expected pairs a finding of that rule lies in. */
  found: number;
  findings: number;
  matched: number;
  wrong: number;
  untriaged: number;
}

export type View = 'scored' | 'all';

export interface Tally {
  readonly overall: Counts;
  /** By rule id, sorted. */
  readonly byRule: ReadonlyMap<string, Counts>;
  /** Findings only (expected pairs have no finding confidence), by the findings' `confidence` value. */
  readonly byFindingConfidence: ReadonlyMap<string, Counts>;
}

/** The key under which findings without a `confidence` field are counted. */
export const NO_CONFIDENCE = '(none)';

export function emptyCounts(): Counts {
  return { expected: 0, found: 0, findings: 0, matched: 0, wrong: 0, untriaged: 0 };
}

/** found / expected; undefined when nothing is expected. */
export function recall(counts: Counts): number | undefined {
  return counts.expected === 0 ? undefined : counts.found / counts.expected;
}

/** matched / findings (untriaged findings count as not matched); undefined without findings. */
export function precision(counts: Counts): number | undefined {
  return counts.findings === 0 ? undefined : counts.matched / counts.findings;
}

function inView(view: View, confidence: LabelConfidence | undefined): boolean {
  return view === 'all' || confidence === undefined || isScoredConfidence(confidence);
}

/**
 * Totals over repositories. `scored`: high and medium labels, and every finding except those whose
 * verdict rests on a low label; `all`: every label and every finding.
 */
export function tally(scores: readonly RepoScore[], view: View): Tally {
  const overall = emptyCounts();
  const byRule = new Map<string, Counts>();
  const byFindingConfidence = new Map<string, Counts>();
  const bucket = (map: Map<string, Counts>, key: string): Counts => {
    let counts = map.get(key);
    if (counts === undefined) map.set(key, (counts = emptyCounts()));
    return counts;
  };
  for (const score of scores) {
    for (const pair of score.expected) {
      if (!inView(view, pair.confidence)) continue;
      for (const counts of [overall, bucket(byRule, pair.rule)]) {
        counts.expected++;
        if (pair.found) counts.found++;
      }
    }
    for (const finding of score.findings) {
      if (!inView(view, finding.labelConfidence)) continue;
      for (const counts of [overall, bucket(byRule, finding.rule), bucket(byFindingConfidence, finding.confidence ?? NO_CONFIDENCE)]) {
        counts.findings++;
        counts[finding.verdict]++;
      }
    }
  }
  const sorted = (map: Map<string, Counts>): Map<string, Counts> => new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { overall, byRule: sorted(byRule), byFindingConfidence: sorted(byFindingConfidence) };
}
