// Stream `project-<name>`, e.g. project-地域おこし協力隊推進事業費.
import type { FieldChanges } from './common';
import { defineEvent, type EventOf } from './event-definition';

export type ProjectRegisteredData = {
  projectId: string;
  name: string;
};

/** An edition reported the project; `changes` (and restatements) as in MeasureReported. */
export type ProjectReportedData = {
  projectId: string;
  /** The edition that reported it (also in the metadata, kept here so the payload stands alone). */
  edition: number;
  changes: FieldChanges;
};

/**
 * An edition covered a chapter the project served (it reported a measure sheet of a chapter one of
 * the project's measures belongs to, as the editions before it linked them) without reporting the
 * project, which an earlier edition did report. Absence is not deletion.
 */
export type ProjectNotReportedData = {
  projectId: string;
  /** The edition that left it out. */
  edition: number;
  /** The chapters the edition covered that the project served. */
  chapters: number[];
  /** The newest edition before `edition` that reported it, as the ledger knew when this was recorded. */
  lastReported: number;
};

export const ProjectRegistered = defineEvent<ProjectRegisteredData>()('ProjectRegistered');
export const ProjectReported = defineEvent<ProjectReportedData>()('ProjectReported');
export const ProjectNotReported = defineEvent<ProjectNotReportedData>()('ProjectNotReported');

export const projectEvents = [ProjectRegistered, ProjectReported, ProjectNotReported] as const;
/** What a project's stream holds. */
export type ProjectEvent = EventOf<(typeof projectEvents)[number]>;
