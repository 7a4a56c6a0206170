// One report → one atomic append. The importer diffs the report against what the streams already
// hold (each decider folds its own stream), so re-importing an unchanged edition appends nothing. A
// report may come in several documents of the same edition (one file per chapter, say): they are parsed
// first, all of them, and imported together, so a document that cannot be read writes nothing at all.
//
// Editions may arrive in any order. Three things keep the answer independent of that order:
// - precedence: the newest edition's statement wins (effectiveEdition), whenever it was imported;
// - restatements: a newer edition that stated a value unchanged has no event of its own, so when an
//   older edition imported later changes that value, the deciders also append the newer edition's
//   statement again (see restatementAfter in src/domain/reported-fields.ts);
// - absences (the rule below), which are checked in both directions: what this edition leaves out that
//   editions before it reported, and what editions after it leave out that this one reports.
//
// The absence rule. An edition covers a chapter when it reports a measure sheet (施策) of that chapter.
// - A measure is absent from edition E when E covers its chapter, E has no sheet for it, and an edition
//   before E had one.
// - A project is absent from E when E covers a chapter of a measure that an edition before E linked the
//   project to (施策 line), E does not report the project, and an edition before E did.
// - An indicator is absent from E when E reports its owner (measure or project) without it, and an
//   edition before E reported it.
// A report that covers only chapter 5 therefore says nothing about chapter 3; a report made of project
// sheets alone covers no chapter. Absence is not deletion: the entity keeps its fields, values and the
// editions that reported it. A later import of the same edition that does report the entity supersedes
// the absence (import the files of one report together to avoid recording it at all).
// Candidates come from the read model (`catalog`); each is decided on its own stream. Without a catalog
// (a bare store), only absences of this report's own entities from other editions can be found, and
// the ones of entities it does not name are not looked for.
import { createHash, randomUUID } from 'node:crypto';
import { EditionImported, type EditionImportedData } from '../../events/edition-events';
import { absenceOf } from '../../events/absence';
import { isValueEvent, valueKindOf } from '../../events/indicator-events';
import { decideOnStream, toStreamAppend, type DecidedStream } from '../application/stream-batch';
import type { Decider } from '../domain/decider';
import { DomainError } from '../domain/domain-error';
import { editionStreamId, indicatorStreamId, MEASURE_CODE, measureStreamId, placementOf, projectStreamId } from '../domain/ids';
import type { ValueKind } from '../../events/vocabulary';
import { indicatorDecider, type IndicatorCommand, type IndicatorState } from '../domain/indicator';
import { measureDecider, type MeasureCommand, type MeasureState } from '../domain/measure';
import { projectDecider, type ProjectCommand, type ProjectState } from '../domain/project';
import { winningStatement } from '../domain/statement-log';
import { WrongExpectedRevisionError, type EventMetadata, type EventStore, type StreamAppend } from '../store/event-store';
import type { JsonObject } from '../shared/json';
import { newEventId } from '../store/event-id';
import { fiscalYearLabel } from '../domain/fiscal-year';
import { parseReport } from './parse-report';
import { reportCommands, type ReportCommands, type ReportPart } from './report-commands';
import { ReportParseError } from './report-errors';

/** One document of a report: its text and, for error messages, its file name. */
export interface ReportDocument {
  text: string;
  file?: string | undefined;
}

/** Read-model lookups that find what an edition may have left out (see the absence rule above). */
export interface ImportCatalog {
  /** Measures with a sheet in some edition, and projects some edition linked to a measure, of these chapters. */
  chapterMembers(chapters: readonly number[]): { measures: string[]; projects: string[] };
  /** Chapters each project was ever linked to. */
  projectChapters(projectIds: readonly string[]): Map<string, number[]>;
  /** For each edition, the chapters among `chapters` it covered. */
  chapterCoverage(chapters: readonly number[]): Map<number, number[]>;
  /** The indicator ids of each owner (a measure code or a project id). */
  indicatorsOf(ownerIds: readonly string[]): Map<string, string[]>;
}

export interface ImportProgress {
  /** Streams decided so far, of `total`. */
  done: number;
  total: number;
}

export interface ImportOptions {
  actor: string;
  reason?: string | null;
  dryRun?: boolean;
  /** Named in error messages, e.g. the file path (for a text given alone). */
  file?: string;
  catalog?: ImportCatalog | null;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ValueChangeSummary {
  indicatorId: string;
  fiscalYear: number;
  kind: ValueKind;
  fromEdition: number;
  toEdition: number;
  from: number | null;
  to: number | null;
  fromText: string | null;
  toText: string | null;
  delta: number | null;
  changed: boolean;
}

export interface AbsenceSummary {
  type: 'measure' | 'project' | 'indicator';
  id: string;
  /** The edition that left it out. */
  edition: number;
}

export interface ImportSummary {
  edition: number;
  editionLabel: string;
  dryRun: boolean;
  eventsAppended: number;
  /** What the import appends (or, on a dry run, would append). */
  eventsPlanned: number;
  measures: number;
  projects: number;
  indicators: number;
  /** Every value whose current answer (under the precedence rule) the import changes. */
  changes: ValueChangeSummary[];
  /** Absences the import records (or would record), from this edition or from others. */
  absences: AbsenceSummary[];
  /** Statements of newer editions appended again so they keep precedence over this older one. */
  restatements: number;
  warnings: string[];
  /** Log position after the append (the head when nothing was appended). */
  position: number;
}

const ATTEMPTS = 3;

const sha256Of = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Parses every document; they must all be the same edition. Throws the first ReportParseError, so a
 * caller that parses before it writes writes nothing when any document is unreadable.
 */
export function parseDocuments(input: string | readonly ReportDocument[], file?: string): ReportPart[] {
  const documents: readonly ReportDocument[] = typeof input === 'string' ? [{ text: input, file }] : input;
  if (documents.length === 0) throw new ReportParseError(1, 'at least one report document', 'none');
  const parts = documents.map((doc): ReportPart => ({ report: parseReport(doc.text, { file: doc.file }), file: doc.file, sha256: sha256Of(doc.text) }));
  const [first] = parts;
  for (const part of parts) {
    if (!first || part.report.edition === first.report.edition) continue;
    const at = part.report.measures[0]?.line ?? part.report.projects[0]?.line ?? 1;
    throw new ReportParseError(
      at,
      `the edition of ${first.file ?? 'the first document'}, ${first.report.editionLabel} (${first.report.edition}): the documents of one import are one report`,
      `${part.report.editionLabel} (${part.report.edition})`,
      part.file,
    );
  }
  return parts;
}

/** The values whose current answer (under the precedence rule) this import changes. */
function currentValueChanges(decided: DecidedStream<IndicatorState>, edition: number): ValueChangeSummary[] {
  const seen = new Set<string>();
  const changes: ValueChangeSummary[] = [];
  for (const event of decided.emitted) {
    if (!isValueEvent(event)) continue;
    const kind = valueKindOf(event);
    const { indicatorId, fiscalYear } = event.data;
    const key = `${fiscalYear}:${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const before = winningStatement(decided.initialState.values[key] ?? []);
    const after = winningStatement(decided.state.values[key] ?? []);
    if (!after || (before && before.value.value === after.value.value && before.value.text === after.value.text)) continue;
    const from = before?.value.value ?? null;
    const to = after.value.value;
    changes.push({
      indicatorId,
      fiscalYear,
      kind,
      fromEdition: before?.effectiveEdition ?? edition,
      toEdition: after.effectiveEdition,
      from,
      to,
      fromText: before?.value.text ?? null,
      toText: after.value.text,
      delta: from !== null && to !== null ? to - from : null,
      changed: true,
    });
  }
  return changes;
}

/** A command the domain refuses becomes an error at the line of the document that stated it. */
function citingLines<Command, State>(decider: Decider<Command, State>, part: ReportPart | undefined): Decider<Command, State> {
  return {
    initialState: decider.initialState,
    evolve: decider.evolve,
    decide(command, state) {
      try {
        return decider.decide(command, state);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT') throw error;
        const fields = command as unknown as Record<string, unknown>;
        const line = typeof fields['line'] === 'number' ? fields['line'] : 1;
        const field = error.field ?? 'value';
        const found = field === 'value' && typeof fields['text'] === 'string' ? fields['text'] : fields[field];
        throw new ReportParseError(line, `a ${field} the ledger accepts (${error.message})`, typeof found === 'string' ? found : JSON.stringify(found ?? null), part?.file);
      }
    },
  };
}

const addCommand = <C>(map: Map<string, C[]>, streamId: string, command: C): void => {
  map.set(streamId, [...(map.get(streamId) ?? []), command]);
};

const chaptersOfCodes = (codes: unknown): number[] =>
  Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string' && MEASURE_CODE.test(c)).map((c) => placementOf(c).chapter) : [];

/** Absence checks for measures and projects, added to the commands (see the rule at the top). */
function addOwnerAbsences(commands: ReportCommands, edition: number, catalog: ImportCatalog | null | undefined): void {
  const sheets = new Set([...commands.measures].filter(([, list]) => list.some((c) => c.type === 'ReportMeasure')).map(([id]) => id));
  const projectChapters = catalog?.projectChapters([...commands.projects.values()].flatMap((list) => list.map((c) => c.projectId))) ?? new Map<string, number[]>();
  const interesting = new Set(commands.chapters);
  for (const list of commands.projects.values()) {
    for (const command of list) {
      if (command.type !== 'ReportProject') continue;
      for (const chapter of chaptersOfCodes(command.sheet.measures)) interesting.add(chapter);
      for (const chapter of projectChapters.get(command.projectId) ?? []) interesting.add(chapter);
    }
  }
  const coverage = catalog?.chapterCoverage([...interesting]) ?? new Map<number, number[]>();
  // This edition may have been imported in parts before: what they covered counts too.
  const covered = [...new Set([...commands.chapters, ...(coverage.get(edition) ?? [])])].sort((a, b) => a - b);
  coverage.set(edition, covered);

  // What this edition leaves out.
  if (catalog && commands.chapters.size > 0) {
    const members = catalog.chapterMembers([...commands.chapters]);
    for (const code of members.measures) {
      const streamId = measureStreamId(code);
      if (!sheets.has(streamId)) addCommand<MeasureCommand>(commands.measures, streamId, { type: 'NoteMeasureAbsent', code, edition });
    }
    for (const projectId of members.projects) {
      const streamId = projectStreamId(projectId);
      if (!commands.projects.has(streamId)) {
        addCommand<ProjectCommand>(commands.projects, streamId, { type: 'NoteProjectAbsent', projectId, edition, chapters: covered });
      }
    }
  }
  // What other editions left out that this one reports.
  for (const [other, chapters] of coverage) {
    if (other === edition) continue;
    for (const streamId of sheets) {
      const list = commands.measures.get(streamId) ?? [];
      const code = list[0]?.code;
      if (code !== undefined && chapters.includes(placementOf(code).chapter)) {
        addCommand<MeasureCommand>(commands.measures, streamId, { type: 'NoteMeasureAbsent', code, edition: other });
      }
    }
    for (const [streamId, list] of commands.projects) {
      const reported = list.find((c) => c.type === 'ReportProject');
      if (reported) addCommand<ProjectCommand>(commands.projects, streamId, { type: 'NoteProjectAbsent', projectId: reported.projectId, edition: other, chapters });
    }
  }
}

/** Absence checks for indicators, once the owners are decided (their streams know which editions reported them). */
function addIndicatorAbsences(
  commands: ReportCommands,
  edition: number,
  catalog: ImportCatalog | null | undefined,
  ownerEditions: ReadonlyMap<string, readonly number[]>,
): Map<string, IndicatorCommand[]> {
  const indicators = new Map(commands.indicators);
  const known = catalog?.indicatorsOf([...commands.ownerIndicators.keys()]) ?? new Map<string, string[]>();
  for (const [ownerId, listed] of commands.ownerIndicators) {
    for (const indicatorId of known.get(ownerId) ?? []) {
      if (!listed.includes(indicatorId)) addCommand(indicators, indicatorStreamId(indicatorId), { type: 'NoteIndicatorAbsent', indicatorId, edition });
    }
    for (const other of ownerEditions.get(ownerId) ?? []) {
      if (other === edition) continue;
      for (const indicatorId of listed) addCommand(indicators, indicatorStreamId(indicatorId), { type: 'NoteIndicatorAbsent', indicatorId, edition: other });
    }
  }
  return indicators;
}

/** The edition an event speaks for: a restatement or an absence may concern another edition than the report's. */
function editionOfEvent(data: JsonObject, edition: number): number {
  const stated = data['effectiveEdition'] ?? data['edition'];
  return typeof stated === 'number' ? stated : edition;
}

async function planImport(store: EventStore, input: string | readonly ReportDocument[], options: ImportOptions) {
  const parts = parseDocuments(input, options.file);
  const [first] = parts;
  if (!first) throw new Error('parseDocuments returned no part');
  const edition = first.report.edition;
  const editionLabel = first.report.editionLabel || fiscalYearLabel(edition);
  const commands = reportCommands(parts);
  const reportedIndicators = commands.indicators.size;
  addOwnerAbsences(commands, edition, options.catalog);

  const total = commands.measures.size + commands.projects.size + commands.indicators.size;
  let done = 0;
  const tick = <T>(result: T): T => {
    done += 1;
    options.onProgress?.({ done, total });
    return result;
  };
  const decide = <C, S>(decider: Decider<C, S>, entries: Map<string, C[]>): Promise<DecidedStream<S>[]> =>
    Promise.all([...entries].map(([id, cmds]) => decideOnStream(store, id, citingLines(decider, commands.sources.get(id)), cmds).then(tick)));

  const measures: DecidedStream<MeasureState>[] = await decide(measureDecider, commands.measures);
  const projects: DecidedStream<ProjectState>[] = await decide(projectDecider, commands.projects);
  const ownerEditions = new Map<string, number[]>();
  for (const d of measures) ownerEditions.set(d.streamId.slice('measure-'.length), d.state.reported.editions);
  for (const d of projects) ownerEditions.set(d.streamId.slice('project-'.length), d.state.reported.editions);
  const indicatorCommands = addIndicatorAbsences(commands, edition, options.catalog, ownerEditions);
  const indicators: DecidedStream<IndicatorState>[] = await decide(indicatorDecider, indicatorCommands);

  const correlationId = randomUUID();
  const baseReason = options.reason ?? `import of the ${editionLabel} report`;
  const sourceSha256 = parts.length === 1 ? first.sha256 : sha256Of(parts.map((p) => p.sha256).join('\n'));
  const absences: AbsenceSummary[] = [];
  let restatements = 0;
  const decided: DecidedStream<unknown>[] = [...measures, ...projects, ...indicators];
  const appends: StreamAppend[] = decided
    .filter((d) => d.emitted.length > 0)
    .map((d) =>
      toStreamAppend(d, (event): EventMetadata => {
        const about = editionOfEvent(event.data, edition);
        const absence = absenceOf(event);
        if (absence) absences.push({ type: absence.type, id: absence.id, edition: about });
        const restated = about !== edition && !absence;
        if (restated) restatements += 1;
        const part = commands.sources.get(d.streamId);
        return {
          actor: options.actor,
          reason:
            about === edition
              ? baseReason
              : restated
                ? `${baseReason}: restates the ${fiscalYearLabel(about)} report, which the older ${editionLabel} report must not override`
                : `${baseReason}: the ${fiscalYearLabel(about)} report left it out`,
          edition: about,
          source: about === edition && part ? { sha256: part.sha256, line: event.line ?? null } : null,
          correlationId,
          causationId: null,
        };
      }),
    );
  const eventCount = appends.reduce((n, a) => n + a.events.length, 0);
  const measureCount = parts.reduce((n, p) => n + p.report.measures.length, 0);
  const projectCount = parts.reduce((n, p) => n + p.report.projects.length, 0);
  if (eventCount > 0) {
    const data: EditionImportedData = {
      fiscalYear: edition,
      label: editionLabel,
      sourceSha256,
      eventCount,
      measures: measureCount,
      projects: projectCount,
      indicators: reportedIndicators,
    };
    appends.push({
      streamId: editionStreamId(edition),
      expectedRevision: 'any',
      events: [
        {
          id: newEventId(),
          type: EditionImported.type,
          version: EditionImported.version,
          data,
          metadata: { actor: options.actor, reason: baseReason, edition, source: { sha256: sourceSha256, line: 1 }, correlationId, causationId: null },
        },
      ],
    });
  }
  const summary: Omit<ImportSummary, 'position' | 'dryRun' | 'eventsAppended' | 'eventsPlanned'> = {
    edition,
    editionLabel: first.report.editionLabel,
    measures: measureCount,
    projects: projectCount,
    indicators: reportedIndicators,
    changes: indicators.flatMap((d) => currentValueChanges(d, edition)),
    absences,
    restatements,
    warnings: parts.flatMap((p) => p.report.warnings),
  };
  return { appends, eventCount: appends.reduce((n, a) => n + a.events.length, 0), summary };
}

/**
 * Parses, diffs and appends a report (one text, or the documents of one edition) as one atomic unit;
 * retries when another writer got in first. Nothing is written when any document cannot be read, or on
 * a dry run, which reports the same summary.
 */
export async function importReport(store: EventStore, input: string | readonly ReportDocument[], options: ImportOptions): Promise<ImportSummary> {
  for (let attempt = 1; ; attempt += 1) {
    const plan = await planImport(store, input, options);
    if (options.dryRun || plan.eventCount === 0) {
      const position = await store.headPosition();
      return { ...plan.summary, dryRun: Boolean(options.dryRun), eventsAppended: 0, eventsPlanned: plan.eventCount, position };
    }
    try {
      const result = await store.append(plan.appends);
      const appended = result.alreadyAppended ? 0 : result.events.length;
      return { ...plan.summary, dryRun: false, eventsAppended: appended, eventsPlanned: plan.eventCount, position: result.lastPosition };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
