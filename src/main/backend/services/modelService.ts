import { ApiError } from '../../../core/api/apiError'
import type { ApiInput, ApiOutput } from '../../../core/api/contract'
import { modelInputIssues, planPriorities } from '../../../core/scoring'
import type { Backend } from '../backend'
import { modelInputs } from './modelInputs'

export const modelService = {
  /** The second priority model on the workspace as of the backend's clock (README "The model"). */
  plan(b: Backend, input: ApiInput<'score-model'>): ApiOutput<'score-model'> {
    const ws = modelInputs(b, input.weights ?? [], undefined, input.quarter)
    const issues = modelInputIssues(ws.input)
    if (issues.length > 0) {
      const shown = issues.slice(0, 20)
      throw new ApiError('invalid_input', `The workspace holds ${issues.length} value${issues.length === 1 ? '' : 's'} the model cannot use; first: ${shown[0]?.path.join('.')}: ${shown[0]?.message}`, shown)
    }
    const model = planPriorities(ws.input, { today: ws.asOf, scenario: input.scenario, deltaHours: input.hours, seed: input.seed, draws: input.draws })
    return { asOf: ws.asOf, quarter: ws.quarter, ...model }
  }
}
