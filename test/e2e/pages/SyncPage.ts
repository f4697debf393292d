import type { Locator, Page } from '@playwright/test'

/** Settings → Team sync: status, Sync now, and the Needs review inbox. */
export class SyncPage {
  readonly card: Locator
  constructor(readonly page: Page) {
    this.card = page.getByTestId('team-sync')
  }

  async syncNow(): Promise<void> {
    const button = this.card.getByTestId('sync-now')
    await button.click()
    await button.filter({ hasText: 'Sync now' }).waitFor()
  }

  reviewItems(): Locator {
    return this.card.getByTestId('sync-review-item')
  }

  /** "Keep this one" on the candidate that shows `value`. */
  async keep(value: string): Promise<void> {
    await this.card.locator('.sync-candidate', { hasText: value }).getByTestId('sync-keep').click()
  }
}
