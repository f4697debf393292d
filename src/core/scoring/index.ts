/** Channel priority scoring: pure functions over plain data (README.md in this folder). */
export type * from './types'
export { scoreChannels } from './scoreChannels'
export { calibrateRates, type Calibration, type CalibratedRate, type CalibrationOptions } from './calibrateRates'
export { allocateHours, type Allocation, type ChannelAllocation } from './allocateHours'
export type { AllocationBounds, AllocationInput, AllocationPin } from './allocationSetup'
export { hoursForTargets, type TargetGoal, type TargetInput, type TargetPlan } from './hoursForTargets'
export { sensitivity, type ChannelSensitivity, type InputSensitivity, type SensitivityInput } from './sensitivity'
export {
  explainRankChange,
  type InputChange,
  type RankChange,
  type RankChangeReport,
  type ScoringSnapshot
} from './explainRankChange'
export { GAP_FLOOR_SHARE } from './prepareGoals'
export { STALE_FLOOR_MULTIPLIER } from './staleness'
export { EFFORT_FLOOR_HOURS, MIN_CONFIDENCE } from './scoreChannel'
export { DEFAULT_PERIOD_WEEKS, DEFAULT_STALE_AFTER_DAYS, WEEKS_PER_MONTH } from './resolveOptions'
// The second model (README "The model"): evidence-based reach, goal kinds, scenarios, stability.
export type * from './modelTypes'
export { planPriorities, seededUniform, DEFAULT_DRAWS, DEFAULT_SEED, DEFAULT_GOAL_JITTER, type PriorityModel, type ModelChannelResult } from './planPriorities'
export { backtest, spearman, MIN_BACKTEST_QUARTERS, type BacktestInput, type BacktestQuarterInput, type BacktestResult, type BacktestMethod, type BacktestGoalRow } from './backtest'
export { predictGoalResults, type GoalPrediction, type PredictOptions } from './predictGoalResults'
export { modelInputIssues, type ModelIssue } from './modelInputIssues'
export { ORGANIC_REACH, organicReach, type OrganicReachPrior } from './organicReach'
export type { ScenarioResult, ScenarioRow } from './allocateScenario'
export type { RiceRow, RiceView } from './riceView'
export type { ModelChannelSensitivity, ModelInputSensitivity } from './modelSensitivity'
