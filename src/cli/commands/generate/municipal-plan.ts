// The fixed shape of one synthetic municipality's plan: its measures, projects and indicators, with the
// base figures the editions then state, revise and report against.
//
// Each synthetic municipality is a real one of the code table, and numbers its plan as real cities do:
// every one has a chapter 5 with measures 5-1-1…, and projects named alike (活動推進事業費112), so
// measure codes, project names and indicator names collide across municipalities as they do in life;
// only the municipality tells them apart. A project's second linked measure is 5-9-1, never reported
// by a measure sheet: the "measure outside the imported chapters" case of the contract.
import { allMunicipalities, type Municipality } from '../../../domain/municipalities/municipality-table';
import { pick, seedOf, seeded } from './random';

export interface PlanIndicator {
  kind: 'OUTCOME' | 'ACTIVITY' | 'GOAL_STATE' | 'COST' | 'STAFFING';
  /** The row's name cell; for GOAL_STATE the state aimed at. */
  name: string;
  unit: string;
  /** The figure the plan starts from and how much it grows a year (ignored for GOAL_STATE). */
  base: number;
  growth: number;
  decimals: number;
  /** Salt for this indicator's own random stream. */
  salt: number;
}

export interface PlanMeasure {
  code: string;
  title: string;
  department: string;
  policy: { code: string; title: string };
  goals: string[];
  indicators: PlanIndicator[];
}

export interface PlanProject {
  name: string;
  department: string;
  budget: string;
  measures: { code: string; title: string }[];
  strategy: string | null;
  indicators: PlanIndicator[];
}

export interface MunicipalPlan {
  index: number;
  /** A real municipality's code, e.g. 062073. */
  code: string;
  /** Its name, e.g. 上山市: in chapter titles. */
  name: string;
  chapter: { number: number; title: string };
  measures: PlanMeasure[];
  projects: PlanProject[];
}

export interface PlanShape {
  policies: number;
  measuresPerPolicy: number;
  projectsPerMeasure: number;
}

/** About 5,900 events per municipality over ten editions: 1,741 municipalities ≈ 10 million events. */
export const DEFAULT_SHAPE: PlanShape = { policies: 6, measuresPerPolicy: 3, projectsPerMeasure: 2 };

const DEPARTMENTS = ['市政戦略課', '庶務課', '福祉課', '建設課', '生涯学習課', '商工課', '農林課', '環境課'];
const POLICY_TITLES = [
  'みんなが主役のまちづくりを推進します',
  '地域の自治活動を活性化します',
  '支え尊重し合う地域社会を実現します',
  '国内外交流を推進します',
  'ふるさと回帰・移住交流を進めます',
  '安全で快適な暮らしを守ります',
  '子どもが健やかに育つ環境をつくります',
  '活力ある産業を育てます',
];
const MEASURE_TOPICS = ['担い手の育成', '地域自治活動の育成', '人権の尊重', '男女共同参画の推進', '市民交流の拡充', '移住受け入れ環境の整備', '防災体制の強化', '子育て支援の充実', '観光の振興'];
const OUTCOMES: ReadonlyArray<[string, string, number, number]> = [
  ['市民浸透度', '%', 16, 1],
  ['NPO法人数', '団体', 17, 0],
  ['地域間交流地区数', '地区', 16, 0],
  ['移住相談からの移住件数', '件', 5, 0],
  ['参加人数', '人', 80, 0],
  ['女性委員の割合', '%', 29, 0],
];
const ACTIVITIES: ReadonlyArray<[string, string, number]> = [
  ['募集に係るフェア等への参加回数', '回', 6],
  ['補助金の申請相談件数', '件', 4],
  ['実施した学校数', '校', 3],
  ['訪問提案件数', '件', 20],
  ['講座の開催回数', '回', 3],
];
const PROJECT_KINDS = ['地域おこし協力隊推進事業費', 'まちづくり推進事業費', '総務一般管理費', '人権啓発活動事業費', '国際交流推進費', '移住推進事業費', '交歓会事業費', '温泉クアオルト事業費'];
const BUDGETS = [
  '01一般会計・02総務費・01総務管理費・06企画費',
  '01一般会計・02総務費・01総務管理費・01一般管理費',
  '01一般会計・03民生費・01社会福祉費・01社会福祉総務費',
  '01一般会計・07商工費・01商工費・04観光物産費',
  '01一般会計・10教育費・05社会教育費・03青少年女性費',
];
const GOAL_STATES = ['市民や地域による主体的で公益的な活動が実践されている状態', '市民の人権意識が向上している状態', '移住者が増加している状態', '交流が推進されている状態'];

/** The chapter every synthetic municipality reports, as 上山市's chapter 5. */
const CHAPTER = 5;

/**
 * The index-th synthetic municipality: every 7th of the table's municipalities (7 and 1,747 are
 * coprime, so the first 1,747 indices are all distinct), spread over the prefectures.
 */
export function municipalityAt(index: number): Municipality {
  const all = allMunicipalities().filter((m) => m.kind === 'municipality');
  const chosen = all[(index * 7) % all.length];
  if (!chosen) throw new Error('the code table is empty');
  return chosen;
}

export function municipalPlan(index: number, shape: PlanShape = DEFAULT_SHAPE): MunicipalPlan {
  const random = seeded(seedOf(index, 0x5eed));
  const { code: municipalityCode, name } = municipalityAt(index);
  const chapter = { number: CHAPTER, title: `${name}『みんなで創る住みよいまち』` };
  let salt = 0;
  const measures: PlanMeasure[] = [];
  const projects: PlanProject[] = [];
  for (let p = 1; p <= shape.policies; p++) {
    const policy = { code: `${chapter.number}-${p}`, title: POLICY_TITLES[(p - 1) % POLICY_TITLES.length] ?? '' };
    for (let m = 1; m <= shape.measuresPerPolicy; m++) {
      const code = `${policy.code}-${m}`;
      const title = `${pick(random, MEASURE_TOPICS)}（${code}）`;
      const department = pick(random, DEPARTMENTS);
      const outcomes = 1 + Math.floor(random() * 2);
      const indicators: PlanIndicator[] = [];
      for (let o = 0; o < outcomes; o++) {
        const [label, unit, base, decimals] = OUTCOMES[(m + o + p) % OUTCOMES.length] ?? ['指標', '件', 1, 0];
        indicators.push({ kind: 'OUTCOME', name: `${label}${o + 1}`, unit, base: base * (0.5 + random()), growth: 0.5 + random() * 2, decimals, salt: salt++ });
      }
      measures.push({ code, title, department, policy, goals: [`${title}の推進`, '関係機関との連携'], indicators });
      for (let j = 0; j < shape.projectsPerMeasure; j++) {
        const kind = PROJECT_KINDS[(m * 3 + j + p) % PROJECT_KINDS.length] ?? '事業費';
        const activities = 1 + Math.floor(random() * 2);
        const projectIndicators: PlanIndicator[] = [
          { kind: 'GOAL_STATE', name: pick(random, GOAL_STATES), unit: '', base: 0, growth: 0, decimals: 0, salt: salt++ },
        ];
        for (let a = 0; a < activities; a++) {
          const [label, unit, base] = ACTIVITIES[(j + a + m) % ACTIVITIES.length] ?? ['回数', '回', 1];
          projectIndicators.push({ kind: 'ACTIVITY', name: `${label}${a + 1}`, unit, base: base * (0.5 + random()), growth: random(), decimals: 0, salt: salt++ });
        }
        projectIndicators.push({ kind: 'COST', name: '事業費', unit: '千円', base: 200 + random() * 30_000, growth: random() * 500, decimals: 0, salt: salt++ });
        projectIndicators.push({ kind: 'STAFFING', name: '従事人工', unit: '人工', base: 0.1 + Math.floor(random() * 25) / 10, growth: 0, decimals: 1, salt: salt++ });
        projects.push({
          name: `${kind}${p}${m}${j}`,
          department: pick(random, DEPARTMENTS),
          budget: pick(random, BUDGETS),
          measures: j === 1 ? [{ code, title }, { code: `${chapter.number}-9-1`, title: '効率的な行政運営の推進' }] : [{ code, title }],
          strategy: random() < 0.4 ? '2 「来てよし」プロジェクト 移住・回帰につなぐきっかけづくり' : null,
          indicators: projectIndicators,
        });
      }
    }
  }
  return { index, code: municipalityCode, name, chapter, measures, projects };
}
