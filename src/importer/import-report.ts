// One document → one atomic append. The importer diffs the report against what the streams already
// hold (each decider folds its own stream), so re-importing an unchanged edition appends nothing.
import { createHash, randomUUID } from 'node:crypto';
import { EditionImported, type EditionImportedData } from '../../events/edition-events';
import { VALUE_EVENT_KIND, type ValueStatedData } from '../../events/indicator-events';
import { editionStreamId } from '../domain/ids';
import { indicatorDecider, type IndicatorState, type ValueKind } from '../domain/indicator';
import { measureDecider } from '../domain/measure';
import { projectDecider } from '../domain/project';
import { winningStatement } from '../domain/statement-log';
import { decideOnStream, toStreamAppend, type DecidedStream } from '../application/stream-batch';
import { WrongExpectedRevisionError, type EventMetadata, type EventStore, type StreamAppend } from '../store/event-store';
import { fiscalYearLabel } from './japanese-era';
import { parseReport } from './parse-report';
import { reportCommands } from './report-commands';

export interface ImportOptions {
  actor: string;
  reason?: string | null;
  dryRun?: boolean;
  /** Named in error messages, e.g. the file path. */
  file?: string;
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
  changes: ValueChangeSummary[];
  warnings: string[];
  /** Log position after the append (the head when nothing was appended). */
  position: number;
}

const ATTEMPTS = 3;

/** The values whose current answer (under the precedence rule) this import changes. */
function currentValueChanges(decided: DecidedStream<IndicatorState>, edition: number): ValueChangeSummary[] {
  const seen = new Set<string>();
  const changes: ValueChangeSummary[] = [];
  for (const event of decided.emitted) {
    const kind = VALUE_EVENT_KIND[event.type];
    if (!kind) continue;
    const { indicatorId, fiscalYear } = event.data as ValueStatedData;
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

async function planImport(store: EventStore, text: string, options: ImportOptions) {
  const report = parseReport(text, { file: options.file });
  const commands = reportCommands(report);
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const correlationId = randomUUID();
  const metadataFor = (line: number | null | undefined): EventMetadata => ({
    actor: options.actor,
    reason: options.reason ?? `import of the ${report.editionLabel} report`,
    edition: report.edition,
    source: { sha256, line: line ?? null },
    correlationId,
    causationId: null,
  });

  const measures = await Promise.all([...commands.measures].map(([id, cmds]) => decideOnStream(store, id, measureDecider, cmds)));
  const projects = await Promise.all([...commands.projects].map(([id, cmds]) => decideOnStream(store, id, projectDecider, cmds)));
  const indicators = await Promise.all([...commands.indicators].map(([id, cmds]) => decideOnStream(store, id, indicatorDecider, cmds)));
  const decided: DecidedStream<unknown>[] = [...measures, ...projects, ...indicators];
  const appends: StreamAppend[] = decided
    .filter((d) => d.emitted.length > 0)
    .map((d) => toStreamAppend(d, (event) => metadataFor(event.line)));
  const eventCount = appends.reduce((n, a) => n + a.events.length, 0);
  if (eventCount > 0) {
    const editionStream = editionStreamId(report.edition);
    const data: EditionImportedData = {
      fiscalYear: report.edition,
      label: report.editionLabel || fiscalYearLabel(report.edition),
      sourceSha256: sha256,
      eventCount,
      measures: report.measures.length,
      projects: report.projects.length,
      indicators: commands.indicators.size,
    };
    appends.push({
      streamId: editionStream,
      expectedRevision: 'any',
      events: [{ id: randomUUID(), type: EditionImported.type, version: EditionImported.version, data, metadata: metadataFor(1) }],
    });
  }
  const summary: Omit<ImportSummary, 'position' | 'dryRun' | 'eventsAppended' | 'eventsPlanned'> = {
    edition: report.edition,
    editionLabel: report.editionLabel,
    measures: report.measures.length,
    projects: report.projects.length,
    indicators: commands.indicators.size,
    changes: indicators.flatMap((d) => currentValueChanges(d, report.edition)),
    warnings: report.warnings,
  };
  return { appends, eventCount: appends.reduce((n, a) => n + a.events.length, 0), summary };
}

/** Parses, diffs and appends a report as one atomic unit; retries when another writer got in first. */
export async function importReport(store: EventStore, text: string, options: ImportOptions): Promise<ImportSummary> {
  for (let attempt = 1; ; attempt += 1) {
    const plan = await planImport(store, text, options);
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
