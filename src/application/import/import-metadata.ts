// Who, why and from where, for every event of an import. An event may speak for another edition than the
// report's: a restatement keeps a newer edition's statement current over this older report, and an
// absence may be another edition's (see src/importer/absences.ts). The reason says which.
import { EditionImported, type EditionImportedData } from '../../../events/edition-events';
import type { Emitted } from '../../domain/decider';
import { editionStreamId } from '../../domain/ids';
import { fiscalYearLabel } from '../../domain/fiscal-year';
import { absenceOf } from '../../../events/absence';
import type { ParsedDocument } from '../../importer/parse-documents';
import type { EventMetadata, EventSource, StreamAppend } from '../../store/event-store';
import type { JsonObject } from '../../shared/json';
import { newEventId } from '../../store/event-id';
import type { AbsenceSummary } from './import-summary';

export interface ImportProvenance {
  actor: string;
  edition: number;
  /** As the report wrote it, or the label of its fiscal year. */
  editionLabel: string;
  /** The caller's reason, or one naming the report. */
  reason: string;
  /** Shared by every event of one import. */
  correlationId: string;
  /** The municipality's code, and the prefix of its streams' names in the store. */
  municipality: string;
  streamPrefix: string;
}

/** The edition an event speaks for: a restatement or an absence may concern another edition than the report's. */
function editionOfEvent(data: JsonObject, edition: number): number {
  const stated = data['effectiveEdition'] ?? data['edition'];
  return typeof stated === 'number' ? stated : edition;
}

/**
 * Where an event's statement stands: the document's hash and the line, and for a statements file or a
 * sheet read through a layout the file, the workbook's sheet and cell (a workbook has no lines), and the
 * layout. Keys with nothing to say are left out: events written before them have none either.
 */
export function sourceOf(part: ParsedDocument, line: number | null): EventSource {
  const sheet = part.places?.sheet ?? null;
  const layout = part.places?.layout ?? null;
  const cell = sheet !== null && line !== null ? part.places?.cells.get(line) : undefined;
  return {
    sha256: part.sha256,
    line: sheet === null ? line : null,
    ...(part.file !== undefined ? { file: part.file } : {}),
    ...(sheet !== null ? { sheet } : {}),
    ...(cell !== undefined ? { cell } : {}),
    ...(layout !== null ? { layout } : {}),
  };
}

/** Metadata for an import's events, noting as it goes the absences and restatements they record. */
export class ImportMetadata {
  readonly absences: AbsenceSummary[] = [];
  restatements = 0;

  constructor(private readonly provenance: ImportProvenance) {}

  /** For `event`, decided on a stream whose commands came from `part`. */
  of(event: Emitted, part: ParsedDocument | undefined): EventMetadata {
    const { actor, edition, editionLabel, reason, correlationId, municipality } = this.provenance;
    const about = editionOfEvent(event.data, edition);
    const absence = absenceOf(event);
    if (absence) this.absences.push({ type: absence.type, id: absence.id, edition: about });
    const restated = about !== edition && !absence;
    if (restated) this.restatements += 1;
    return {
      actor,
      reason:
        about === edition
          ? reason
          : restated
            ? `${reason}: restates the ${fiscalYearLabel(about)} report, which the older ${editionLabel} report must not override`
            : `${reason}: the ${fiscalYearLabel(about)} report left it out`,
      edition: about,
      source: about === edition && part ? sourceOf(part, event.line ?? null) : null,
      correlationId,
      causationId: null,
      municipality,
    };
  }

  /**
   * The edition stream's record of an import that changed anything; its source names the file when the
   * import was one document that has a name (the hash of several is of their hashes: no one file's).
   */
  editionImported(data: EditionImportedData, parts: readonly ParsedDocument[]): StreamAppend {
    const [only] = parts;
    const file = parts.length === 1 ? only?.file : undefined;
    const { actor, edition, reason, correlationId, municipality, streamPrefix } = this.provenance;
    return {
      streamId: streamPrefix + editionStreamId(edition),
      expectedRevision: 'any',
      events: [
        {
          id: newEventId(),
          type: EditionImported.type,
          version: EditionImported.version,
          data,
          metadata: { actor, reason, edition, source: { sha256: data.sourceSha256, line: 1, ...(file !== undefined ? { file } : {}) }, correlationId, causationId: null, municipality },
        },
      ],
    };
  }
}
