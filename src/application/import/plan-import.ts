// One attempt at an import: the report's commands, with the absences the read model and the owners'
// streams reveal, decided on the streams as they are now, and the appends that follow. Each stream is
// decided on its own fold, so re-importing an unchanged edition plans nothing.
import { randomUUID } from 'node:crypto';
import type { Decider } from '../../domain/decider';
import { indicatorDecider, type IndicatorState } from '../../domain/indicator';
import { measureDecider, type MeasureState } from '../../domain/measure';
import { projectDecider, type ProjectState } from '../../domain/project';
import { withIndicatorAbsences, withOwnerAbsences } from '../../importer/absences';
import { fiscalYearLabel } from '../../domain/fiscal-year';
import { sourceSha256Of, type ParsedDocument } from '../../importer/parse-documents';
import type { ReportCommands } from '../../importer/report-commands';
import type { StreamAppend } from '../../store/event-store';
import { decideOnStream, toStreamAppend, type DecidedStream, type MunicipalityStreams } from '../decide-on-stream';
import { citingLines } from './citing-lines';
import { ImportMetadata } from './import-metadata';
import type { ImportOptions } from './import-options';
import { currentValueChanges, type PlannedSummary } from './import-summary';

/** A report parsed once, and the commands it implies: what every attempt at importing it starts from. */
export interface ParsedImport {
  parts: readonly ParsedDocument[];
  commands: ReportCommands;
}

export interface ImportPlan {
  appends: StreamAppend[];
  eventCount: number;
  summary: PlannedSummary;
}

export async function planImport(streams: MunicipalityStreams, { parts, commands }: ParsedImport, options: ImportOptions): Promise<ImportPlan> {
  const [first] = parts;
  if (!first) throw new Error('an import of no document');
  const edition = first.report.edition;
  const editionLabel = first.report.editionLabel || fiscalYearLabel(edition);
  const reportedIndicators = commands.indicators.size;
  const owners = withOwnerAbsences(commands, edition, options.catalog);

  const total = owners.measures.size + owners.projects.size + commands.indicators.size;
  let done = 0;
  const tick = <T>(result: T): T => {
    done += 1;
    options.onProgress?.({ done, total });
    return result;
  };
  const decide = <C, S>(decider: Decider<C, S>, entries: Map<string, C[]>): Promise<DecidedStream<S>[]> =>
    Promise.all([...entries].map(([id, cmds]) => decideOnStream(streams, id, citingLines(decider, commands.sources.get(id)), cmds).then(tick)));

  const measures: DecidedStream<MeasureState>[] = await decide(measureDecider, owners.measures);
  const projects: DecidedStream<ProjectState>[] = await decide(projectDecider, owners.projects);
  const ownerEditions = new Map<string, number[]>();
  for (const d of measures) ownerEditions.set(d.streamId.slice('measure-'.length), d.state.reported.editions);
  for (const d of projects) ownerEditions.set(d.streamId.slice('project-'.length), d.state.reported.editions);
  const indicatorCommands = withIndicatorAbsences(commands, edition, options.catalog, ownerEditions);
  const indicators: DecidedStream<IndicatorState>[] = await decide(indicatorDecider, indicatorCommands);

  const reason = options.reason ?? `import of the ${editionLabel} report`;
  const metadata = new ImportMetadata({
    actor: options.actor,
    edition,
    editionLabel,
    reason,
    correlationId: randomUUID(),
    municipality: streams.municipality,
    streamPrefix: streams.prefix,
  });
  const decided: DecidedStream<unknown>[] = [...measures, ...projects, ...indicators];
  const appends: StreamAppend[] = decided
    .filter((d) => d.emitted.length > 0)
    .map((d) => toStreamAppend(d, (event) => metadata.of(event, commands.sources.get(d.streamId))));
  const eventCount = appends.reduce((n, a) => n + a.events.length, 0);
  const measureCount = parts.reduce((n, p) => n + p.report.measures.length, 0);
  const projectCount = parts.reduce((n, p) => n + p.report.projects.length, 0);
  if (eventCount > 0) {
    appends.push(
      metadata.editionImported({
        fiscalYear: edition,
        label: editionLabel,
        sourceSha256: sourceSha256Of(parts),
        eventCount,
        measures: measureCount,
        projects: projectCount,
        indicators: reportedIndicators,
      }, parts),
    );
  }
  const summary: PlannedSummary = {
    municipality: streams.municipality,
    edition,
    editionLabel: first.report.editionLabel,
    measures: measureCount,
    projects: projectCount,
    indicators: reportedIndicators,
    changes: indicators.flatMap((d) => currentValueChanges(d, edition)),
    absences: metadata.absences,
    newIndicators: indicators.flatMap((d) => (d.initialState.definition === null && d.state.definition !== null ? [d.state.definition.indicatorId] : [])),
    restatements: metadata.restatements,
    warnings: parts.flatMap((p) => p.report.warnings),
  };
  return { appends, eventCount: appends.reduce((n, a) => n + a.events.length, 0), summary };
}
