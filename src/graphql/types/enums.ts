import { registerEnumType } from 'type-graphql';

export enum ValueKind {
  TARGET = 'TARGET',
  ACTUAL = 'ACTUAL',
}

export enum IndicatorKind {
  OUTCOME = 'OUTCOME',
  ACTIVITY = 'ACTIVITY',
  GOAL_STATE = 'GOAL_STATE',
  COST = 'COST',
  STAFFING = 'STAFFING',
}

export enum Direction {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
  NONE = 'NONE',
}

registerEnumType(ValueKind, { name: 'ValueKind' });
registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  valuesConfig: {
    OUTCOME: { description: '施策の目標値: an outcome indicator of a measure' },
    ACTIVITY: { description: '事業の活動指標: an activity indicator of a project' },
    GOAL_STATE: { description: '事業の目標: the state a project aims for, in words' },
    COST: { description: '事業費（千円）: the budget is the target, spending is the actual' },
    STAFFING: { description: '従事人工: staff-years' },
  },
});
registerEnumType(Direction, { name: 'Direction' });
