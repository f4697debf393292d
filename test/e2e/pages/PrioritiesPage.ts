import type { Locator } from '@playwright/test'
import { AppPage } from './AppPage'

/** The Priorities screen: ranking order, weight sliders, the allocation and its pins. */
export class PrioritiesPage extends AppPage {
  async ready(): Promise<void> {
    await this.page.getByTestId('allocation-row').first().waitFor()
  }

  /** Channel ids in the model's ranked order, as shown. */
  async order(): Promise<string[]> {
    return this.page.getByTestId('allocation-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-channel-id') ?? ''))
  }

  slider(goalName: string): Locator {
    return this.page.getByLabel(`Weight of ${goalName}`)
  }

  async setWeight(goalName: string, weight: number): Promise<void> {
    await this.slider(goalName).fill(String(weight))
  }

  saveButton(): Locator {
    return this.page.getByTestId('save-weights')
  }

  allocationRow(channelId: string): Locator {
    return this.page.locator(`[data-testid="allocation-row"][data-channel-id="${channelId}"]`)
  }

  async hours(channelId: string): Promise<number> {
    return Number(await this.allocationRow(channelId).getAttribute('data-hours'))
  }

  /** The first channel the recommendation gives no hours (a candidate to pin). */
  async unfundedChannel(): Promise<string> {
    const row = this.page.locator('[data-testid="allocation-row"][data-hours="0"]').first()
    await row.waitFor()
    return (await row.getAttribute('data-channel-id')) ?? ''
  }

  pinDialog(): Locator {
    return this.page.getByTestId('pin-dialog')
  }
}
