import type { Locator, Page } from '@playwright/test'

/** The create/edit dialog of a record kind: fields by their labels, field errors, save. */
export class RecordFormPage {
  readonly form: Locator
  constructor(
    readonly page: Page,
    readonly kind: string
  ) {
    this.form = page.getByTestId(`form-${kind}`)
  }

  /** By the start of its label, so 'Name' finds "Name *" (required) and 'Audience' finds "Audience size". */
  field(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return this.form.getByLabel(new RegExp(`^${escaped}`)).first()
  }

  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value)
  }

  async choose(label: string, option: string): Promise<void> {
    await this.field(label).selectOption({ label: option })
  }

  error(field: string): Locator {
    return this.form.getByTestId(`field-error-${field}`)
  }

  async save(): Promise<void> {
    await this.form.getByTestId('form-save').click()
  }
}
