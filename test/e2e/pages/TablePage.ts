import type { Locator, Page } from '@playwright/test'

/** One DataTable screen (channels, influencers…): search, rows, count, the create button. */
export class TablePage {
  readonly root: Locator
  constructor(
    readonly page: Page,
    readonly tableId: string
  ) {
    this.root = page.getByTestId(`table-${tableId}`)
  }

  rows(): Locator {
    return this.root.locator('.dt-body [role="row"]')
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text })
  }

  count(): Locator {
    return this.root.getByTestId('row-count')
  }

  async search(text: string): Promise<void> {
    await this.root.getByRole('searchbox').or(this.root.locator('input[type="search"]')).first().fill(text)
  }

  async create(): Promise<void> {
    await this.page.getByTestId('create-record').click()
  }
}
