// One report → one atomic append. The import diffs the report against what the streams already hold
// (each decider folds its own stream), so re-importing an unchanged edition appends nothing. A report may
// come in several documents of the same edition (one file per chapter, say): the caller parses them all
// first, so a document that cannot be read writes nothing at all, and they are imported together.
//
// Editions may arrive in any order. Three things keep the answer independent of that order:
// - precedence: the newest edition's statement wins (effectiveEdition), whenever it was imported;
// - restatements: a newer edition that stated a value unchanged has no event of its own, so when an
//   older edition imported later changes that value, the deciders also append the newer edition's
//   statement again (see restatementAfter in src/domain/reported-fields.ts);
// - absences (src/importer/absences.ts), checked in both directions.
import { oneReport, type ParsedDocument } from '../../importer/parse-documents';
import { reportCommands } from '../../importer/report-commands';
import { appendWithRetry } from '../append-with-retry';
import type { MunicipalityStreams } from '../decide-on-stream';
import type { ImportOptions } from './import-options';
import type { ImportSummary } from './import-summary';
import { planImport, type ParsedImport } from './plan-import';

/** Lost races are decided again this many times: another import or edit got in first. */
const ATTEMPTS = 3;

/**
 * Diffs and appends a parsed report (the documents of one edition) as one atomic unit, deciding again
 * when another writer got in first; the report is not parsed again. Nothing is written on a dry run,
 * which reports the same summary.
 */
export async function importReport(streams: MunicipalityStreams, parts: readonly ParsedDocument[], options: ImportOptions): Promise<ImportSummary> {
  const report: ParsedImport = { parts: oneReport(parts), commands: reportCommands(parts) };
  return appendWithRetry(
    async () => {
      const plan = await planImport(streams, report, options);
      if (options.dryRun || plan.eventCount === 0) {
        const position = await streams.store.headPosition();
        return { ...plan.summary, dryRun: Boolean(options.dryRun), eventsAppended: 0, eventsPlanned: plan.eventCount, position };
      }
      const result = await streams.store.append(plan.appends);
      const appended = result.alreadyAppended ? 0 : result.events.length;
      return { ...plan.summary, dryRun: false, eventsAppended: appended, eventsPlanned: plan.eventCount, position: result.lastPosition };
    },
    { attempts: ATTEMPTS },
  );
}
