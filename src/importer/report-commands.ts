// A parsed report → the commands it implies, grouped by the stream each one goes to. A report may come
// in several documents (one file per chapter, say): they are one edition and become one set of commands.
import type { OwnerType } from '../../events/vocabulary';
import { cellKey, type IndicatorCommand } from '../domain/indicator';
import { indicatorIdOf, indicatorStreamId, measureStreamId, placementOf, projectIdOf, projectStreamId } from '../domain/ids';
import type { MeasureCommand } from '../domain/measure';
import type { ProjectCommand } from '../domain/project';
import type { ParsedDocument } from './parse-documents';
import { ReportParseError } from './report-errors';
import type { ParsedIndicator } from './report-model';

export interface ReportCommands {
  measures: Map<string, MeasureCommand[]>;
  projects: Map<string, ProjectCommand[]>;
  indicators: Map<string, IndicatorCommand[]>;
  /** The document each stream's commands come from. */
  sources: Map<string, ParsedDocument>;
  /** Chapters the report covers: those it has measure sheets of. */
  chapters: Set<number>;
  /** The indicator ids each reported owner (a measure with a sheet, or a project) lists, by owner id. */
  ownerIndicators: Map<string, string[]>;
}

/** The name an indicator's id is made of: fixed for the one-per-project kinds, whose text may change. */
function indicatorKey(indicator: ParsedIndicator, goalStateIndex: number): string {
  switch (indicator.kind) {
    case 'COST':
      return '事業費';
    case 'STAFFING':
      return '従事人工';
    case 'GOAL_STATE':
      return goalStateIndex === 0 ? '目標' : `目標${goalStateIndex + 1}`;
    default:
      return indicator.name;
  }
}

function addIndicators(
  commands: ReportCommands,
  part: ParsedDocument,
  ownerType: OwnerType,
  ownerId: string,
  indicators: readonly ParsedIndicator[],
): void {
  const { report } = part;
  let goalStates = 0;
  const ids: string[] = [];
  for (const indicator of indicators) {
    const key = indicatorKey(indicator, indicator.kind === 'GOAL_STATE' ? goalStates++ : 0);
    const indicatorId = indicatorIdOf(ownerId, key);
    const streamId = indicatorStreamId(indicatorId);
    if (commands.indicators.has(streamId)) {
      throw new ReportParseError(indicator.line, `one row per indicator name in ${ownerId}`, indicator.name, part.file);
    }
    const list: IndicatorCommand[] = [
      {
        type: 'ReportIndicator',
        indicatorId,
        ownerType,
        ownerId,
        kind: indicator.kind,
        name: indicator.name,
        unit: indicator.unit,
        edition: report.edition,
        cells: indicator.values.map((cell) => cellKey(cell.fiscalYear, cell.kind)),
        line: indicator.line,
      },
    ];
    for (const cell of indicator.values) {
      list.push({
        type: 'StateValue',
        indicatorId,
        fiscalYear: cell.fiscalYear,
        kind: cell.kind,
        value: cell.value,
        text: cell.text,
        edition: report.edition,
        line: cell.line,
      });
    }
    commands.indicators.set(streamId, list);
    commands.sources.set(streamId, part);
    ids.push(indicatorId);
  }
  commands.ownerIndicators.set(ownerId, ids);
}

export function reportCommands(parts: readonly ParsedDocument[]): ReportCommands {
  const commands: ReportCommands = {
    measures: new Map(),
    projects: new Map(),
    indicators: new Map(),
    sources: new Map(),
    chapters: new Set(),
    ownerIndicators: new Map(),
  };
  const reported = new Set<string>();
  for (const part of parts) {
    for (const measure of part.report.measures) {
      const streamId = measureStreamId(measure.code);
      if (reported.has(streamId)) throw new ReportParseError(measure.line, 'each measure once per report', measure.code, part.file);
      reported.add(streamId);
      const { line, code, indicators, ...sheet } = measure;
      // A sheet replaces what a project's link in another document said about the measure.
      commands.measures.set(streamId, [{ type: 'ReportMeasure', code, edition: part.report.edition, sheet, line }]);
      commands.sources.set(streamId, part);
      commands.chapters.add(placementOf(code).chapter);
      addIndicators(commands, part, 'measure', code, indicators);
    }
  }
  for (const part of parts) {
    for (const project of part.report.projects) {
      const projectId = projectIdOf(project.name);
      const streamId = projectStreamId(projectId);
      if (commands.projects.has(streamId)) throw new ReportParseError(project.line, 'each project once per report', project.name, part.file);
      for (const ref of project.measures) {
        const measureStream = measureStreamId(ref.code);
        if (!commands.measures.has(measureStream)) {
          commands.measures.set(measureStream, [{ type: 'IdentifyMeasure', code: ref.code, title: ref.title, line: project.line }]);
          commands.sources.set(measureStream, part);
        }
      }
      const { line, name, indicators, measures, ...rest } = project;
      commands.projects.set(streamId, [
        {
          type: 'ReportProject',
          projectId,
          name,
          edition: part.report.edition,
          sheet: { ...rest, measures: measures.map((m) => m.code) },
          line,
        },
      ]);
      commands.sources.set(streamId, part);
      addIndicators(commands, part, 'project', projectId, indicators);
    }
  }
  return commands;
}
