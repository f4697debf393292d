import type { ApiErrorBody, ApiErrorCode } from '../../../core/api/contract'

/** Codes the client adds on its own: the backend never answered, answered with something unreadable, or the person cancelled. */
export type ClientErrorCode = ApiErrorCode | 'unreachable' | 'bad_response' | 'cancelled'

export type ApiIssue = { path: (string | number)[]; message: string }

/** What `api.call` throws: the backend's typed error, or a transport failure in the same shape. */
export class ApiError extends Error {
  readonly code: ClientErrorCode
  readonly issues: ApiIssue[]

  constructor(code: ClientErrorCode, message: string, issues: ApiIssue[] = []) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.issues = issues
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.issues ?? [])
  }
}
