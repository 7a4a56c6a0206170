// The words the events use, and so everyone who reads them: the domain, the importer, the projections
// and GraphQL (whose enums spell the same values).

/** A cell of a value table: what was planned for a fiscal year, or what was achieved. */
export type ValueKind = 'TARGET' | 'ACTUAL';

/** 成果指標, 活動指標, めざす姿 (a sentence), 事業費, 従事人工. */
export type IndicatorKind = 'OUTCOME' | 'ACTIVITY' | 'GOAL_STATE' | 'COST' | 'STAFFING';

/** Which way an indicator's values count as better. */
export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NONE';

/** What an indicator belongs to: a measure (施策) or a project (事業). */
export type OwnerType = 'measure' | 'project';
