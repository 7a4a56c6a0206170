// The ledger as a statements file (contract: statements-csv.md): every statement of every edition, oldest
// edition first, one row per indicator, fiscal year and edition, the cells as the edition printed them.
// Imported into an empty store, the file answers as the ledger does, edition by edition: owners and
// their indicators come in the order the ledger first named them, which is the order an import names
// them in again.
//
// Direct edits (recordValue) are statements of no edition: they are left out, and counted, so whoever
// exports knows the file does not carry them.
import type { EditionRow } from '../../projections/queries/edition-queries';
import type { StatedCellValue } from '../../projections/queries/edition-statements';
import type { EntityRecord } from '../../projections/queries/entity-queries';
import type { AsOf } from '../../projections/queries/as-of';
import type { EntityType } from '../../projections/plan-entities';
import type { IndicatorKind } from '../../events/vocabulary';
import { qualifiedId, splitQualifiedId } from '../domain/ids';
import { readStatedValue } from '../importer/stated-value';
import type { Row } from './indicator-export';

/** The read model's reads the statements export makes (src/application/read-model.ts). */
export interface StatementsExportReads {
  editions(): readonly EditionRow[];
  entityRecords(type: EntityType, asOf: AsOf, ids: readonly string[] | null): Map<string, EntityRecord>;
  reportedIn(municipality: string, edition: number, type: EntityType): string[];
  editionCells(municipality: string, edition: number): Map<string, string[] | null>;
  statedByEdition(municipality: string, edition: number): Map<string, string[]>;
  reportedValuesAsOf(municipality: string, edition: number): Map<string, StatedCellValue>;
  directEditCount(municipality: string): number;
}

export const STATEMENT_COLUMNS: readonly string[] = [
  'municipality',
  'edition',
  'owner_type',
  'owner',
  'owner_title',
  'department',
  'chapter_title',
  'policy_title',
  'measures',
  'budget_account',
  'indicator',
  'kind',
  'unit',
  'direction',
  'fiscal_year',
  'target',
  'actual',
  'reason',
  'source',
];

interface ExportCounts {
  /** Cells whose printed text does not read back to the value held. */
  unreadable: number;
  /** Measures and projects an edition reported with no indicator: a row is an indicator's. */
  ownerless: number;
}

export interface StatementsExport {
  rows: Row[];
  /** Why the file does not carry everything the ledger holds, for the person exporting. */
  warnings: string[];
}

type Fields = EntityRecord['fields'];

const str = (fields: Fields, field: string): string | null => {
  const value = fields[field];
  return typeof value === 'string' ? value : null;
};

/** A field holding an object's string member: chapter.title, policy.title, budgetAccount.code … */
const member = (fields: Fields, field: string, key: string): string | null => {
  const value = fields[field];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const inner = value[key];
  return typeof inner === 'string' ? inner : null;
};

/** 01-02-01-06 and its four names → 01一般会計・02総務費・01総務管理費・06企画費, as the report printed it. */
function printedAccount(fields: Fields): string {
  const code = member(fields, 'budgetAccount', 'code') ?? '';
  if (code === '') return '';
  const names = ['fund', 'division', 'section', 'item'].map((key) => member(fields, 'budgetAccount', key) ?? '');
  return code
    .split('-')
    .map((number, i) => `${number}${names[i] ?? ''}`)
    .join('・');
}

const byFirstPosition = (records: Map<string, EntityRecord>): EntityRecord[] => [...records.values()].sort((a, b) => a.firstPosition - b.firstPosition);

const MONEY_UNITS = ['千円', '円', '万円'] as const;

/**
 * The unit to write beside a cell: the indicator's, except for a COST cell printed in a unit of its own
 * column (5,923,000 under 円), which reads back as its value in 千円 only beside that unit.
 */
function unitReadingBack(kind: IndicatorKind, unit: string | null, cells: readonly (StatedCellValue | undefined)[]): string | null {
  if (kind !== 'COST') return unit;
  const readsBack = (candidate: string): boolean =>
    cells.every((cell) => {
      if (!cell || cell.text === null || cell.value === null) return true;
      const read = readStatedValue(cell.text, kind, candidate);
      return !('problem' in read) && read.value === cell.value;
    });
  return MONEY_UNITS.find(readsBack) ?? unit;
}

/** Whether a cell as printed reads back to the value the ledger holds. */
function readsBack(kind: IndicatorKind, unit: string | null, cell: StatedCellValue): boolean {
  if (cell.text === null) return false;
  const read = readStatedValue(cell.text, kind, unit);
  return !('problem' in read) && read.value === cell.value;
}

const asKind = (kind: string | null): IndicatorKind =>
  kind === 'ACTIVITY' || kind === 'GOAL_STATE' || kind === 'COST' || kind === 'STAFFING' ? kind : 'OUTCOME';

/** The rows of one municipality's edition. */
function editionRows(reads: StatementsExportReads, municipality: string, edition: number, counts: ExportCounts): Row[] {
  const asOf: AsOf = { position: null, edition };
  const measures = reads.entityRecords('measure', asOf, reads.reportedIn(municipality, edition, 'measure'));
  const projects = reads.entityRecords('project', asOf, reads.reportedIn(municipality, edition, 'project'));
  const indicators = byFirstPosition(reads.entityRecords('indicator', asOf, reads.reportedIn(municipality, edition, 'indicator')));
  const recorded = reads.editionCells(municipality, edition);
  const stated = reads.statedByEdition(municipality, edition);
  const values = reads.reportedValuesAsOf(municipality, edition);
  // Measures a project serves that this edition has no sheet of: their titles as of the edition.
  const linkedCodes = [...projects.values()].flatMap((p) => {
    const links = p.fields['measures'];
    return Array.isArray(links) ? links.filter((c): c is string => typeof c === 'string') : [];
  });
  const linked = reads.entityRecords('measure', asOf, [...new Set(linkedCodes)].map((code) => qualifiedId(municipality, code)));

  const ownerCells = (owner: EntityRecord, type: 'measure' | 'project'): Row => {
    const f = owner.fields;
    const localId = splitQualifiedId(owner.id).localId;
    if (type === 'measure') {
      return {
        owner_type: 'measure',
        owner: localId,
        owner_title: str(f, 'title'),
        department: str(f, 'department'),
        chapter_title: member(f, 'chapter', 'title'),
        policy_title: member(f, 'policy', 'title'),
        measures: null,
        budget_account: null,
      };
    }
    const links = f['measures'];
    const codes = Array.isArray(links) ? links.filter((c): c is string => typeof c === 'string') : [];
    return {
      owner_type: 'project',
      owner: str(f, 'name') ?? localId,
      owner_title: null,
      department: str(f, 'department'),
      chapter_title: null,
      policy_title: null,
      measures: codes
        .map((code) => {
          const title = str((measures.get(qualifiedId(municipality, code)) ?? linked.get(qualifiedId(municipality, code)))?.fields ?? {}, 'title');
          return title ? `${code} ${title}` : code;
        })
        .join('; '),
      budget_account: printedAccount(f),
    };
  };

  const rows: Row[] = [];
  const ownersWritten = new Set<string>();
  const ownerOrder = [...byFirstPosition(measures).map((m) => ({ record: m, type: 'measure' as const })), ...byFirstPosition(projects).map((p) => ({ record: p, type: 'project' as const }))];
  for (const { record: owner, type } of ownerOrder) {
    const owned = indicators.filter((i) => str(i.fields, 'ownerId') === owner.id);
    if (owned.length === 0) counts.ownerless += 1;
    for (const indicator of owned) {
      const localId = splitQualifiedId(indicator.id).localId;
      const kind = asKind(str(indicator.fields, 'kind'));
      const cells = recorded.get(localId) ?? stated.get(indicator.id) ?? [];
      const years = [...new Set(cells.map((cell) => Number(cell.split(':')[0])))].sort((a, b) => a - b);
      const cellOf = (year: number, valueKind: 'TARGET' | 'ACTUAL'): StatedCellValue | undefined =>
        cells.includes(`${year}:${valueKind}`) ? (values.get(`${indicator.id}|${year}:${valueKind}`) ?? { value: null, text: '' }) : undefined;
      const unit = unitReadingBack(kind, str(indicator.fields, 'unit'), years.flatMap((y) => [cellOf(y, 'TARGET'), cellOf(y, 'ACTUAL')]));
      const base: Row = {
        municipality,
        edition,
        ...ownerCells(owner, type),
        indicator: str(indicator.fields, 'name'),
        kind,
        unit,
        direction: str(indicator.fields, 'direction'),
      };
      // An indicator the edition printed with no cells still needs a row to say it was reported.
      for (const year of years.length > 0 ? years : [edition]) {
        const target = cellOf(year, 'TARGET');
        const actual = cellOf(year, 'ACTUAL');
        for (const cell of [target, actual]) if (cell && cell.text !== '' && !readsBack(kind, unit, cell)) counts.unreadable += 1;
        rows.push({
          ...base,
          fiscal_year: year,
          target: target ? (target.text ?? (target.value === null ? '' : String(target.value))) : null,
          actual: actual ? (actual.text ?? (actual.value === null ? '' : String(actual.value))) : null,
          reason: ownersWritten.has(owner.id) ? null : str(owner.fields, 'gapReason'),
          source: null,
        });
        ownersWritten.add(owner.id);
      }
    }
  }
  return rows;
}

/** Every edition's statements, of one municipality (`municipality` a code) or of all, oldest edition first. */
export function statementRows(reads: StatementsExportReads, municipality: string | null): StatementsExport {
  const editions = reads.editions().filter((e) => municipality === null || e.municipality === municipality);
  const ordered = [...editions].sort((a, b) => a.fiscalYear - b.fiscalYear || a.municipality.localeCompare(b.municipality));
  const counts: ExportCounts = { unreadable: 0, ownerless: 0 };
  const rows = ordered.flatMap((e) => editionRows(reads, e.municipality, e.fiscalYear, counts));
  const warnings: string[] = [];
  const edits = [...new Set(editions.map((e) => e.municipality))].reduce((n, code) => n + reads.directEditCount(code), 0);
  if (edits > 0) warnings.push(`${edits} direct edits (recordValue) are statements of no edition: left out of the file`);
  if (counts.unreadable > 0) warnings.push(`${counts.unreadable} cells are printed as text that does not read back to the value the ledger holds`);
  if (counts.ownerless > 0) warnings.push(`${counts.ownerless} measures or projects were reported with no indicator: a row is an indicator's, so they are left out`);
  return { rows, warnings };
}
