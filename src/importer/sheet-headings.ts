// Headings both sheet kinds share: the 区分 table, the 理由 for gaps, and the 今後の取組 closing section.

import type { ReportLine } from './report-lines';
import { isHeaderRow } from './value-table';

export const tableHeading = (line: ReportLine): string | null => (isHeaderRow(line) ? '' : null);

/** 理由 carries a note (※令和3年度目標と…) on its own line; the reason itself follows. */
export function reasonHeading(line: ReportLine): string | null {
  return !line.row && /^理由(?:$|[\s※(])/.test(line.key) ? '' : null;
}

export function nextStepsHeading(line: ReportLine): string | null {
  return !line.row && /^(?:目標の実現に向けた)?今後の取(?:り)?組(?:み)?$/.test(line.key) ? '' : null;
}
