import type { ApiErrorBody, ApiErrorCode } from './contract'
import type { EditConflict } from './editBase'

/** The typed error of every method, on every transport. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: ApiErrorBody['issues'] = [],
    readonly conflict?: EditConflict
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toBody(): ApiErrorBody {
    return this.conflict === undefined ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message, issues: this.issues, conflict: this.conflict }
  }

  /** A one-line summary naming the fields, for the CLI and logs. */
  describe(): string {
    if (this.issues.length === 0) return this.message
    return `${this.message}: ${this.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`
  }
}
