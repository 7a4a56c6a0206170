// Writes a synthetic national ledger through the real command path: every municipality's report for
// every edition goes through Ledger.importReport (one atomic append each, as a real import), and a few
// direct edits per edition go through Ledger.recordValue (one append each, as the API's mutation).
// Editions are imported in year order, all municipalities per year, as a national platform would see them.
import type { Ledger } from '../../../application/ledger';
import { indicatorIdOf } from '../../../domain/ids';
import { DEFAULT_SHAPE, municipalPlan, type MunicipalPlan, type PlanShape } from './municipal-plan';
import { reportText } from './report-text';

export interface GenerateOptions {
  municipalities: number;
  /**
   * The index (in municipalityAt's order) of the first municipality: a ledger of one municipality alone,
   * the same plan as in the national ledger, is `{ municipalities: 1, firstMunicipality: i }`.
   */
  firstMunicipality?: number;
  /** Year columns per report: its own year (target and actual) and the targets of the years after. */
  years: number;
  /** Annual reports per municipality, from `firstEdition` on. */
  editions: number;
  firstEdition?: number;
  /** recordValue calls per municipality and edition (a correction of that year's actual). */
  directEditsPerReport?: number;
  shape?: PlanShape;
  actor?: string;
  /** Called after every append with the log's head position; awaited, so a caller can pause the run. */
  onProgress?: (progress: GenerateProgress) => void | Promise<void>;
}

export interface GenerateProgress {
  position: number;
  imports: number;
  directEdits: number;
  edition: number;
  municipality: number;
}

export interface GenerateResult {
  position: number;
  imports: number;
  directEdits: number;
  ms: number;
}

export const FIRST_EDITION = 2021;

function editOf(plan: MunicipalPlan, edition: number, n: number) {
  const measure = plan.measures[(edition + n) % plan.measures.length];
  const indicator = measure?.indicators[0];
  if (!measure || !indicator) throw new Error(`municipality ${plan.name} has no outcome indicator`);
  return { indicatorId: indicatorIdOf(measure.code, indicator.name), unit: indicator.unit };
}

export async function generateLedger(ledger: Ledger, options: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const firstEdition = options.firstEdition ?? FIRST_EDITION;
  const shape = options.shape ?? DEFAULT_SHAPE;
  const actor = options.actor ?? 'plan-ledger:generate';
  const edits = options.directEditsPerReport ?? 1;
  const first = options.firstMunicipality ?? 0;
  const plans = Array.from({ length: options.municipalities }, (_, i) => municipalPlan(first + i, shape));
  let imports = 0;
  let directEdits = 0;
  let position = await ledger.log.headPosition();
  const progress = async (edition: number, municipality: number) => {
    await options.onProgress?.({ position, imports, directEdits, edition, municipality });
  };

  for (let edition = firstEdition; edition < firstEdition + options.editions; edition++) {
    for (const plan of plans) {
      const text = reportText(plan, { edition, firstEdition, years: options.years });
      const summary = await ledger.importReport(text, {
        municipality: plan.code,
        actor,
        reason: `synthetic report of ${plan.name}`,
        file: `${plan.code}-${edition}.txt`,
      });
      position = summary.position;
      imports += 1;
      await progress(edition, plan.index);
      for (let n = 0; n < edits; n++) {
        const { indicatorId } = editOf(plan, edition, n);
        const result = await ledger.recordValue(
          plan.code,
          { indicatorId, fiscalYear: edition, kind: 'ACTUAL', value: 1000 + n, text: null, reason: '確定値への修正' },
          `${actor}:editor`,
        );
        position = result.position;
        directEdits += 1;
        await progress(edition, plan.index);
      }
    }
  }
  return { position, imports, directEdits, ms: Date.now() - started };
}
