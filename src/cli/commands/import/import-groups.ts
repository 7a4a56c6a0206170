// The files of one `plan-ledger import`, read and parsed before anything is written, as the appends they
// become: text reports grouped by edition (the files of one edition are one report), and every
// (municipality, edition) of a statements file, or of a sheet read through a layout, its own group.
import { readFile } from 'node:fs/promises';
import { resolveMunicipality, type Municipality } from '../../../domain/municipalities/municipality-table';
import type { ConsistencyFailure } from '../../../importer/layouts/consistency/declared-checks';
import { readWithLayout } from '../../../importer/layouts/read-with-layout';
import { parseDocument, type ParsedDocument } from '../../../importer/parse-documents';
import { decodeReport } from '../../../importer/read-report';
import { isStatementsFile, readStatementsFile } from '../../../importer/statements/read-statements-file';
import { statementsEditions, type StatementsEdition } from '../../../importer/statements/statement-documents';
import type { LayoutSource } from './layout-source';

export interface ImportGroup {
  edition: number;
  files: string[];
  parts: ParsedDocument[];
  /** The municipality's code when the file names it (statements); null: the one the import names. */
  municipality: string | null;
  /** What the summary names: the files, or a statements file with the municipality it states for. */
  label: string;
}

export interface ImportFiles {
  groups: ImportGroup[];
  /** About the files themselves (columns ignored …), with their places. */
  warnings: string[];
  /** What layouts' declared checks found: each refuses the import unless accepted with a reason. */
  failures: ConsistencyFailure[];
}

export interface ReadImportOptions {
  /** Every text report its own append, even files of the same edition. */
  separately?: boolean | undefined;
  /** A code or name: every statements row must be this municipality's. */
  municipality?: string | undefined;
  /** Read every file through this layout. */
  layout?: LayoutSource | undefined;
  /** For a layout that does not say, in any notation a statements file accepts. */
  edition?: string | undefined;
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const statementGroup = (file: string, edition: StatementsEdition): ImportGroup => ({
  edition: edition.edition,
  files: [file],
  parts: [edition.document],
  municipality: edition.municipality.code,
  label: `${file} [${edition.municipality.name} ${edition.municipality.code}]`,
});

/** Reads and parses every file (throwing the first ReportParseError), then groups them. */
export async function readImportFiles(files: readonly string[], options: ReadImportOptions = {}): Promise<ImportFiles> {
  const given: Municipality | null = options.municipality ? resolveMunicipality(options.municipality, '--municipality') : null;
  const result: ImportFiles = { groups: [], warnings: [], failures: [] };
  for (const file of files) {
    const bytes = await readBytes(file);
    if (options.layout) {
      const reading = await readWithLayout(bytes, file, options.layout.text, options.layout.file, {
        ...(given ? { municipality: given.code } : {}),
        ...(options.edition !== undefined ? { edition: options.edition } : {}),
      });
      const layout = `${reading.layout.name}@${reading.layout.version}`;
      result.warnings.push(...reading.warnings);
      result.failures.push(...reading.failures);
      result.groups.push(...statementsEditions(reading.rows, { file, bytes, layout }, given).map((edition) => statementGroup(file, edition)));
    } else if (isStatementsFile(bytes)) {
      const statements = await readStatementsFile(bytes, file);
      result.warnings.push(...statements.warnings);
      result.groups.push(...statementsEditions(statements.rows, { file, bytes }, given).map((edition) => statementGroup(file, edition)));
    } else {
      const part = parseDocument({ text: decodeReport(bytes, file), file });
      const group = options.separately ? undefined : result.groups.find((g) => g.municipality === null && g.edition === part.report.edition);
      if (group) {
        group.files.push(file);
        group.parts.push(part);
        group.label = group.files.join(', ');
      } else {
        result.groups.push({ edition: part.report.edition, files: [file], parts: [part], municipality: null, label: file });
      }
    }
  }
  return result;
}
