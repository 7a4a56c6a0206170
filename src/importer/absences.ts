// The absence rule: what an edition leaves out. Pure, given the read model's answers (ImportCatalog).
//
// An edition covers a chapter when it reports a measure sheet (施策) of that chapter.
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
//
// Editions may arrive in any order, so absences are checked in both directions: what this edition leaves
// out that editions before it reported, and what editions after it leave out that this one reports.
// Candidates come from the read model (`catalog`); each is decided on its own stream. Without a catalog
// (a bare store), only absences of this report's own entities from other editions can be found, and
// the ones of entities it does not name are not looked for.
import { indicatorStreamId, MEASURE_CODE, measureStreamId, placementOf, projectStreamId } from '../domain/ids';
import type { IndicatorCommand } from '../domain/indicator';
import type { MeasureCommand } from '../domain/measure';
import type { ProjectCommand } from '../domain/project';
import type { ReportCommands } from './report-commands';

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

const addCommand = <C>(map: Map<string, C[]>, streamId: string, command: C): void => {
  map.set(streamId, [...(map.get(streamId) ?? []), command]);
};

const chaptersOfCodes = (codes: unknown): number[] =>
  Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string' && MEASURE_CODE.test(c)).map((c) => placementOf(c).chapter) : [];

/** The report's measure and project commands with their absence checks added (the report's own are left as they are). */
export function withOwnerAbsences(
  commands: ReportCommands,
  edition: number,
  catalog: ImportCatalog | null | undefined,
): { measures: Map<string, MeasureCommand[]>; projects: Map<string, ProjectCommand[]> } {
  const measures = new Map(commands.measures);
  const projects = new Map(commands.projects);
  const sheets = new Set([...measures].filter(([, list]) => list.some((c) => c.type === 'ReportMeasure')).map(([id]) => id));
  const projectChapters = catalog?.projectChapters([...projects.values()].flatMap((list) => list.map((c) => c.projectId))) ?? new Map<string, number[]>();
  const interesting = new Set(commands.chapters);
  for (const list of projects.values()) {
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
      if (!sheets.has(streamId)) addCommand<MeasureCommand>(measures, streamId, { type: 'NoteMeasureAbsent', code, edition });
    }
    for (const projectId of members.projects) {
      const streamId = projectStreamId(projectId);
      if (!projects.has(streamId)) addCommand<ProjectCommand>(projects, streamId, { type: 'NoteProjectAbsent', projectId, edition, chapters: covered });
    }
  }
  // What other editions left out that this one reports.
  for (const [other, chapters] of coverage) {
    if (other === edition) continue;
    for (const streamId of sheets) {
      const code = measures.get(streamId)?.[0]?.code;
      if (code !== undefined && chapters.includes(placementOf(code).chapter)) {
        addCommand<MeasureCommand>(measures, streamId, { type: 'NoteMeasureAbsent', code, edition: other });
      }
    }
    for (const [streamId, list] of projects) {
      const reported = list.find((c) => c.type === 'ReportProject');
      if (reported) addCommand<ProjectCommand>(projects, streamId, { type: 'NoteProjectAbsent', projectId: reported.projectId, edition: other, chapters });
    }
  }
  return { measures, projects };
}

/**
 * The report's indicator commands with their absence checks added, once the owners are decided: their
 * streams know which editions reported them (`ownerEditions`, by owner id).
 */
export function withIndicatorAbsences(
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
