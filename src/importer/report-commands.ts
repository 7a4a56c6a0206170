// A parsed report → the commands it implies, grouped by the stream each one goes to.
import { indicatorIdOf, indicatorStreamId, measureStreamId, projectIdOf, projectStreamId } from '../domain/ids';
import type { IndicatorCommand } from '../domain/indicator';
import type { MeasureCommand } from '../domain/measure';
import type { ProjectCommand } from '../domain/project';
import { ReportParseError } from './report-errors';
import type { ParsedIndicator, ParsedReport } from './report-model';

export interface ReportCommands {
  measures: Map<string, MeasureCommand[]>;
  projects: Map<string, ProjectCommand[]>;
  indicators: Map<string, IndicatorCommand[]>;
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
  report: ParsedReport,
  ownerType: 'measure' | 'project',
  ownerId: string,
  indicators: readonly ParsedIndicator[],
): void {
  let goalStates = 0;
  for (const indicator of indicators) {
    const key = indicatorKey(indicator, indicator.kind === 'GOAL_STATE' ? goalStates++ : 0);
    const indicatorId = indicatorIdOf(ownerId, key);
    const streamId = indicatorStreamId(indicatorId);
    if (commands.indicators.has(streamId)) {
      throw new ReportParseError(indicator.line, `one row per indicator name in ${ownerId}`, indicator.name);
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
  }
}

export function reportCommands(report: ParsedReport): ReportCommands {
  const commands: ReportCommands = { measures: new Map(), projects: new Map(), indicators: new Map() };
  for (const measure of report.measures) {
    const streamId = measureStreamId(measure.code);
    if (commands.measures.has(streamId)) throw new ReportParseError(measure.line, 'each measure once per report', measure.code);
    const { line, code, indicators, ...sheet } = measure;
    commands.measures.set(streamId, [{ type: 'ReportMeasure', code, edition: report.edition, sheet, line }]);
    addIndicators(commands, report, 'measure', code, indicators);
  }
  for (const project of report.projects) {
    const projectId = projectIdOf(project.name);
    const streamId = projectStreamId(projectId);
    if (commands.projects.has(streamId)) throw new ReportParseError(project.line, 'each project once per report', project.name);
    for (const ref of project.measures) {
      const measureStream = measureStreamId(ref.code);
      if (!commands.measures.has(measureStream)) {
        commands.measures.set(measureStream, [{ type: 'IdentifyMeasure', code: ref.code, title: ref.title, line: project.line }]);
      }
    }
    const { line, name, indicators, measures, ...rest } = project;
    commands.projects.set(streamId, [
      {
        type: 'ReportProject',
        projectId,
        name,
        edition: report.edition,
        sheet: { ...rest, measures: measures.map((m) => m.code) },
        line,
      },
    ]);
    addIndicators(commands, report, 'project', projectId, indicators);
  }
  return commands;
}
