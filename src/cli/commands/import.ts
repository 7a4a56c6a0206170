// plan-ledger import FILE...: every file is read and parsed before anything is written, so one
// unreadable file writes nothing. Files of the same edition are one report (a report split over
// several files, say one per chapter) and are imported together as ONE atomic append; files of
// different editions are imported one edition after another, in the order they first appear, each as
// its own append (editions may come in any order: the newest edition's statements stay current).
// With several editions, each is first planned as a dry run, so a file the domain refuses also
// writes nothing. --separately imports every file as its own append instead. Each file is parsed once,
// here: the dry runs and the imports are given what it parsed.
import { readFile } from 'node:fs/promises';
import type { Ledger } from '../../application/ledger';
import { openLedger } from '../../application/open-ledger';
import type { ImportSummary } from '../../application/import/import-summary';
import { parseDocument, type ParsedDocument, type ReportDocument } from '../../importer/parse-documents';
import { decodeReport } from '../../importer/read-report';
import { cliActor } from '../actor';
import { terminalProgress, type Progress } from '../progress';

export interface ImportCommandOptions {
  dryRun: boolean;
  reason?: string | undefined;
  /** Every file its own append, even files of the same edition. */
  separately?: boolean | undefined;
  /** A code or name; needed unless the ledger holds exactly one municipality. */
  municipality?: string | undefined;
}

export interface ImportGroup {
  edition: number;
  files: string[];
  parts: ParsedDocument[];
}

async function readDocument(file: string): Promise<ReportDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  return { text: decodeReport(bytes, file), file };
}

/** Reads and parses every file (throwing the first ReportParseError), then groups them by edition. */
export async function readImportGroups(files: readonly string[], options: { separately?: boolean | undefined } = {}): Promise<ImportGroup[]> {
  const groups: ImportGroup[] = [];
  for (const file of files) {
    const part = parseDocument(await readDocument(file));
    const group = options.separately ? undefined : groups.find((g) => g.edition === part.report.edition);
    if (group) {
      group.files.push(file);
      group.parts.push(part);
    } else {
      groups.push({ edition: part.report.edition, files: [file], parts: [part] });
    }
  }
  return groups;
}

function describe(group: ImportGroup, summary: ImportSummary): string[] {
  const verb = summary.dryRun ? 'would append' : 'appended';
  const count = summary.dryRun ? summary.eventsPlanned : summary.eventsAppended;
  const lines = [
    `${group.files.join(', ')}: ${summary.editionLabel} (${summary.edition}): ${verb} ${count} events; ` +
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
  }
  return lines;
}

/** The import itself, on an open ledger; returns one summary per append (or dry run). */
export async function runImport(
  ledger: Ledger,
  files: readonly string[],
  options: ImportCommandOptions,
  output: { log: (line: string) => void; warn: (line: string) => void; progress?: Progress } = { log: console.log, warn: console.warn },
): Promise<ImportSummary[]> {
  const groups = await readImportGroups(files, options);
  const progress = output.progress ?? terminalProgress();
  const base = { actor: cliActor(), reason: options.reason ?? null, municipality: options.municipality ?? null };
  if (groups.length > 1 && !options.dryRun) {
    // Planned first, each against the ledger as it is: what the domain refuses shows before any write.
    for (const group of groups) await ledger.importParsedReport(group.parts, { ...base, dryRun: true });
  }
  const summaries: ImportSummary[] = [];
  try {
    for (const group of groups) {
      progress.start(1, group.files.length === 1 ? (group.files[0] ?? '') : `${group.files.length} files (${group.edition})`);
      const summary = await ledger.importParsedReport(group.parts, {
        ...base,
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
