import type { ApiErrorBody, ApiErrorCode } from '../../../core/api/contract'
import type { EditConflict } from '../../../core/api/editBase'

/** Codes the client adds on its own: the backend never answered, answered with something unreadable, or the person cancelled. */
export type ClientErrorCode = ApiErrorCode | 'unreachable' | 'bad_response' | 'cancelled'

export type ApiIssue = { path: (string | number)[]; message: string }

/** What `api.call` throws: the backend's typed error, or a transport failure in the same shape. */
export class ApiError extends Error {
  readonly code: ClientErrorCode
  readonly issues: ApiIssue[]
  /** With code 'conflict': the fields changed elsewhere since the edit began. */
  readonly conflict: EditConflict | undefined

  constructor(code: ClientErrorCode, message: string, issues: ApiIssue[] = [], conflict?: EditConflict) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.issues = issues
    this.conflict = conflict
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.issues ?? [], body.conflict)
  }
}
