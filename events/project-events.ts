// Stream `project-<name>`, e.g. project-地域おこし協力隊推進事業費.
import type { FieldChanges } from './common';
import { defineEvent } from './event-definition';

export type ProjectRegisteredData = {
  projectId: string;
  name: string;
};

/** An edition reported the project; `changes` as in MeasureReported. */
export type ProjectReportedData = {
  projectId: string;
  /** The edition that reported it (also in the metadata, kept here so the payload stands alone). */
  edition: number;
  changes: FieldChanges;
};

export const ProjectRegistered = defineEvent<ProjectRegisteredData>()('ProjectRegistered');
export const ProjectReported = defineEvent<ProjectReportedData>()('ProjectReported');

export const projectEvents = [ProjectRegistered, ProjectReported] as const;
