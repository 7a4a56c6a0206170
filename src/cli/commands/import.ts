// plan-ledger import FILE...: every file is read and parsed before anything is written, so one
// unreadable file writes nothing. Files of the same edition are one report (a report split over
// several files, say one per chapter) and are imported together as ONE atomic append; files of
// different editions are imported one edition after another, in the order they first appear, each as
// its own append (editions may come in any order: the newest edition's statements stay current).
// A statements file (recognised by its header; CSV or .xlsx) and a sheet read through --layout are
// imported the same way, each (municipality, edition) they state its own append.
// With several appends, each is first planned as a dry run, so a file the domain refuses also
// writes nothing. --separately imports every text report as its own append instead. Each file is parsed
// once, here: the dry runs and the imports are given what it parsed.
import type { Ledger } from '../../application/ledger';
import { openLedger } from '../../application/open-ledger';
import type { ImportSummary } from '../../application/import/import-summary';
import { suggestRenames, type IndicatorRef } from '../../importer/links/suggest-renames';
import { cliActor } from '../actor';
import { terminalProgress, type Progress } from '../progress';
import { reasonPastInconsistencies } from './import/consistency-gate';
import { readImportFiles, type ImportGroup } from './import/import-groups';
import { readLayoutSource } from './import/layout-source';

export type { ImportGroup } from './import/import-groups';

export interface ImportCommandOptions {
  dryRun: boolean;
  reason?: string | undefined;
  /** Every text report its own append, even files of the same edition. */
  separately?: boolean | undefined;
  /** A code or name; needed unless the ledger holds exactly one municipality or the files name theirs. */
  municipality?: string | undefined;
  /** A layout file, or the name of a shipped layout: every file is read through it. */
  layout?: string | undefined;
  /** For a layout that does not say which edition a sheet is. */
  edition?: string | undefined;
  /** Import a sheet whose layout checks fail, as printed; needs a reason. */
  acceptInconsistencies?: boolean | undefined;
}

function describe(group: ImportGroup, summary: ImportSummary): string[] {
  const verb = summary.dryRun ? 'would append' : 'appended';
  const count = summary.dryRun ? summary.eventsPlanned : summary.eventsAppended;
  const lines = [
    `${group.label}: ${summary.editionLabel} (${summary.edition}): ${verb} ${count} events; ` +
      `${summary.measures} measures, ${summary.projects} projects, ${summary.indicators} indicators; ` +
      `${summary.changes.length} current values changed, ${summary.absences.length} absences, ${summary.restatements} restatements`,
  ];
  if (summary.dryRun) {
    for (const c of summary.changes) {
      const from = c.fromText ?? (c.from === null ? '(none)' : String(c.from));
      const to = c.toText ?? (c.to === null ? '(none)' : String(c.to));
      lines.push(`  ${c.indicatorId} ${c.fiscalYear} ${c.kind}: ${from} → ${to}`);
    }
    for (const a of summary.absences) lines.push(`  ${a.type} ${a.id}: not in the ${a.edition} report`);
    lines.push(...renameSuggestions(summary));
  }
  return lines;
}

/** An indicator's id (5-1-1/NPO法人数) as its owner and its name. */
function refOf(indicatorId: string): IndicatorRef {
  const slash = indicatorId.indexOf('/');
  return { owner: indicatorId.slice(0, slash), name: indicatorId.slice(slash + 1) };
}

/**
 * Indicators the edition left out and new ones of the same owner with a name alike: likely renames, for
 * a person to link (plan-ledger link). Only suggested: the ledger never links on its own.
 */
function renameSuggestions(summary: ImportSummary): string[] {
  const gone = summary.absences.filter((a) => a.type === 'indicator' && a.edition === summary.edition).map((a) => refOf(a.id));
  const quote = (ref: IndicatorRef) => `'${ref.owner}/${ref.name}'`;
  return suggestRenames(gone, summary.newIndicators.map(refOf)).map(
    (s) =>
      `  renamed? ${s.from.owner}/${s.from.name} → ${s.to.owner}/${s.to.name} (names ${Math.round(s.similarity * 100)}% alike): ` +
      `plan-ledger link ${quote(s.from)} ${quote(s.to)} --municipality ${summary.municipality} --reason …`,
  );
}

/** The import itself, on an open ledger; returns one summary per append (or dry run). */
export async function runImport(
  ledger: Ledger,
  files: readonly string[],
  options: ImportCommandOptions,
  output: { log: (line: string) => void; warn: (line: string) => void; progress?: Progress } = { log: console.log, warn: console.warn },
): Promise<ImportSummary[]> {
  const layout = options.layout === undefined ? undefined : await readLayoutSource(options.layout);
  const { groups, warnings, failures } = await readImportFiles(files, { ...options, layout });
  const reason = reasonPastInconsistencies(failures, { dryRun: options.dryRun, accept: options.acceptInconsistencies === true, reason: options.reason ?? null });
  for (const warning of warnings) output.warn(`warning: ${warning}`);
  if (failures.length > 0) {
    const heading = options.dryRun ? 'would refuse the import unless accepted' : 'accepted';
    output.warn(`${failures.length} inconsistencies (${heading}):`);
    for (const failure of failures) output.warn(`  ${failure.message}`);
  }
  const progress = output.progress ?? terminalProgress();
  const base = { actor: cliActor(), reason };
  const municipalityOf = (group: ImportGroup) => group.municipality ?? options.municipality ?? null;
  if (groups.length > 1 && !options.dryRun) {
    // Planned first, each against the ledger as it is: what the domain refuses shows before any write.
    for (const group of groups) await ledger.importParsedReport(group.parts, { ...base, municipality: municipalityOf(group), dryRun: true });
  }
  const summaries: ImportSummary[] = [];
  try {
    for (const group of groups) {
      progress.start(1, group.files.length === 1 ? group.label : `${group.files.length} files (${group.edition})`);
      const summary = await ledger.importParsedReport(group.parts, {
        ...base,
        municipality: municipalityOf(group),
        dryRun: options.dryRun,
        onProgress: ({ done, total }) => progress.update(done, total),
      });
      progress.stop();
      summaries.push(summary);
      for (const line of describe(group, summary)) output.log(line);
      for (const warning of summary.warnings) output.warn(`  warning: ${warning}`);
    }
  } finally {
    progress.stop();
  }
  return summaries;
}

export async function importFiles(files: string[], options: ImportCommandOptions): Promise<void> {
  const ledger = await openLedger(undefined, { follow: false });
  try {
    await runImport(ledger, files, options);
  } finally {
    await ledger.close();
  }
}
