import type { FieldChanges } from '../../events/common';
import { ProjectRegistered, ProjectReported, type ProjectReportedData } from '../../events/project-events';
import type { JsonValue } from '../store/event-store';
import type { Decider, Emitted } from './decider';
import { DomainError } from './domain-error';
import { MEASURE_CODE } from './ids';
import { assertFiscalYear, assertText } from './invariants';
import { diffReported, emptyReportedFields, evolveReported, type ReportedFieldsState } from './reported-fields';

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

export type ProjectCommand = {
  type: 'ReportProject';
  projectId: string;
  name: string;
  edition: number;
  sheet: ProjectSheet;
  line: number | null;
};

export interface ProjectState {
  registered: boolean;
  reported: ReportedFieldsState;
}

export const projectDecider: Decider<ProjectCommand, ProjectState> = {
  initialState: () => ({ registered: false, reported: emptyReportedFields() }),

  evolve(state, event) {
    switch (event.type) {
      case ProjectRegistered.type:
        return { ...state, registered: true };
      case ProjectReported.type: {
        const data = event.data as ProjectReportedData;
        return { ...state, reported: evolveReported(state.reported, data.edition, event.revision, data.changes as FieldChanges) };
      }
      default:
        return state;
    }
  },

  decide(command, state) {
    const name = assertText(command.name, 'name', 500);
    assertText(command.sheet.department, 'department', 200);
    assertFiscalYear(command.edition, 'edition');
    const badLink = command.sheet.measures.find((code) => !MEASURE_CODE.test(code));
    if (badLink !== undefined) {
      throw new DomainError('BAD_USER_INPUT', `project ${name} links to ${JSON.stringify(badLink)}, which is not a measure code`, 'measures');
    }
    const events: Emitted[] = [];
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
    }
    return events;
  },
};
