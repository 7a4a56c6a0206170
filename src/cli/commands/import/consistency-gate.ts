// A layout's declared checks (達成率, totals) compare figures a sheet prints with each other. A failure
// means the sheet or the layout is wrong somewhere, so the import is refused, listing every failure with
// its place, unless the person importing says why the sheet is to be taken as printed: their reason is
// then recorded on every event, saying the inconsistencies were accepted.
import type { ConsistencyFailure } from '../../../importer/layouts/consistency/declared-checks';

export class InconsistentImportError extends Error {
  constructor(readonly failures: readonly ConsistencyFailure[]) {
    super(
      [
        `the layout's checks found ${failures.length} inconsistenc${failures.length === 1 ? 'y' : 'ies'}; nothing was written:`,
        ...failures.map((f) => `  ${f.message}`),
        'fix the sheet or the layout, or import it as printed with --accept-inconsistencies --reason "why"',
      ].join('\n'),
    );
    this.name = 'InconsistentImportError';
  }
}

export interface GateOptions {
  dryRun: boolean;
  accept: boolean;
  reason: string | null;
}

/** The reason to record on the import's events; throws when failures refuse it. A dry run only lists them. */
export function reasonPastInconsistencies(failures: readonly ConsistencyFailure[], options: GateOptions): string | null {
  if (options.accept && (options.reason === null || options.reason.trim() === '')) {
    throw new Error('--accept-inconsistencies needs --reason "…": why the sheet is imported as printed is recorded on every event');
  }
  if (failures.length === 0 || options.dryRun) return options.reason;
  if (!options.accept) throw new InconsistentImportError(failures);
  return `inconsistencies accepted (${failures.length}): ${options.reason ?? ''}`;
}
