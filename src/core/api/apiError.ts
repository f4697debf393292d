import type { ApiErrorBody, ApiErrorCode } from './contract'

/** The typed error of every method, on every transport. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: ApiErrorBody['issues'] = []
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, issues: this.issues }
  }

  /** A one-line summary naming the fields, for the CLI and logs. */
  describe(): string {
    if (this.issues.length === 0) return this.message
    return `${this.message}: ${this.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`
  }
}
