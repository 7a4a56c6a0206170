import {
  ProjectNotReported,
  ProjectRegistered,
  ProjectReported,
  type ProjectEvent,
  type ProjectNotReportedData,
} from '../../events/project-events';
import type { JsonValue } from '../shared/json';
import type { Decider, Emitted } from './decider';
import { DomainError } from './domain-error';
import { MEASURE_CODE, placementOf } from './ids';
import { assertFiscalYear, assertText } from './invariants';
import {
  absenceBasis,
  diffReported,
  emptyReportedFields,
  evolveAbsent,
  evolveReported,
  fieldAsOf,
  restatementAfter,
  type ReportedFieldsState,
} from './reported-fields';

/** What one edition's 実施計画兼予算要求書 sheet states about a project. */
export interface ProjectSheet {
  department: string;
  budgetAccount: { code: string; fund: string; division: string; section: string; item: string };
  /** Codes of the measures it serves (施策). */
  measures: string[];
  strategies: string[];
  overview: string | null;
  purpose: string | null;
  gapReason: string | null;
  nextSteps: string | null;
}

export type ProjectCommand =
  | {
      type: 'ReportProject';
      projectId: string;
      name: string;
      edition: number;
      sheet: ProjectSheet;
      line: number | null;
    }
  /**
   * The edition covered `chapters` (it reported measure sheets of them) without this project. Recorded
   * only if an earlier edition reported the project linked to a measure of one of those chapters, and
   * this edition did not report it.
   */
  | { type: 'NoteProjectAbsent'; projectId: string; edition: number; chapters: number[] };

export interface ProjectState {
  registered: boolean;
  reported: ReportedFieldsState;
}

/** Chapters of the measures the project was linked to by the editions before `edition`. */
export function chaptersServedBefore(state: ProjectState, edition: number): Set<number> {
  const chapters = new Set<number>();
  for (const reported of state.reported.editions) {
    if (reported >= edition) continue;
    const measures = fieldAsOf(state.reported, 'measures', reported);
    if (!Array.isArray(measures)) continue;
    for (const code of measures) if (typeof code === 'string' && MEASURE_CODE.test(code)) chapters.add(placementOf(code).chapter);
  }
  return chapters;
}

function noteAbsent(command: Extract<ProjectCommand, { type: 'NoteProjectAbsent' }>, state: ProjectState): Emitted<ProjectEvent>[] {
  assertFiscalYear(command.edition, 'edition');
  const lastReported = state.registered ? absenceBasis(state.reported, command.edition) : null;
  if (lastReported === null) return [];
  const served = chaptersServedBefore(state, command.edition);
  const chapters = [...new Set(command.chapters)].filter((chapter) => served.has(chapter)).sort((a, b) => a - b);
  if (chapters.length === 0) return [];
  const data: ProjectNotReportedData = { projectId: command.projectId, edition: command.edition, chapters, lastReported };
  return [{ type: ProjectNotReported.type, data, line: null }];
}

export const projectDecider: Decider<ProjectCommand, ProjectState, ProjectEvent> = {
  initialState: () => ({ registered: false, reported: emptyReportedFields() }),

  evolve(state, event, revision) {
    switch (event.type) {
      case ProjectRegistered.type:
        return { ...state, registered: true };
      case ProjectReported.type:
        return { ...state, reported: evolveReported(state.reported, event.data.edition, revision, event.data.changes) };
      case ProjectNotReported.type:
        return { ...state, reported: evolveAbsent(state.reported, event.data.edition) };
      default: {
        // Every type of the stream is handled above (the compiler checks); another stream's event leaves the state be.
        const _exhaustive: never = event;
        return state;
      }
    }
  },

  decide(command, state) {
    if (command.type === 'NoteProjectAbsent') return noteAbsent(command, state);
    const name = assertText(command.name, 'name', 500);
    assertText(command.sheet.department, 'department', 200);
    assertFiscalYear(command.edition, 'edition');
    const badLink = command.sheet.measures.find((code) => !MEASURE_CODE.test(code));
    if (badLink !== undefined) {
      throw new DomainError('BAD_USER_INPUT', `project ${name} links to ${JSON.stringify(badLink)}, which is not a measure code`, 'measures');
    }
    const events: Emitted<ProjectEvent>[] = [];
    if (!state.registered) {
      events.push({ type: ProjectRegistered.type, data: { projectId: command.projectId, name }, line: command.line });
    }
    const changes = diffReported(state.reported, command.edition, command.sheet as unknown as Record<string, JsonValue>);
    if (changes) {
      events.push({
        type: ProjectReported.type,
        data: { projectId: command.projectId, edition: command.edition, changes },
        line: command.line,
      });
      const restated = restatementAfter(state.reported, command.edition, changes);
      if (restated) {
        events.push({ type: ProjectReported.type, data: { projectId: command.projectId, ...restated }, line: null });
      }
    }
    return events;
  },
};
