import type { ApiErrorCode } from '../../core/api/contract'

/** HTTP status for each typed error, so curl users and browsers see the usual meaning. */
export function httpStatus(code: ApiErrorCode): number {
  const map: Record<ApiErrorCode, number> = {
    invalid_input: 400,
    rule_violation: 422,
    not_found: 404,
    unknown_method: 404,
    conflict: 409,
    unauthorized: 401,
    forbidden: 403,
    workspace_error: 503,
    internal: 500
  }
  return map[code]
}
