import type { Locator, Page } from '@playwright/test'

/** The Review screen: quarter picker, slide thumbnails, the large slide, notes and export. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  quarter(): Locator {
    return this.page.getByLabel('Quarter', { exact: true })
  }

  async pickQuarter(key: string): Promise<void> {
    await this.quarter().selectOption(key)
    await this.page.getByRole('button', { name: /^Slide 1: / }).waitFor()
  }

  thumbnails(): Locator {
    return this.page.getByRole('list', { name: 'Slides' }).getByRole('button')
  }

  async openSlide(title: string | RegExp): Promise<void> {
    await this.thumbnails().filter({ hasText: title }).first().click()
  }

  largeSlide(): Locator {
    return this.page.getByTestId('large-slide')
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByLabel('New note or decision').fill(text)
    await this.page.getByRole('button', { name: 'Add note' }).click()
  }

  notes(): Locator {
    return this.page.getByTestId('slide-note')
  }

  /** Exports both formats and returns the paths the screen reports. */
  async exportBoth(): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Export PPTX + PDF' }).click()
    const result = this.page.getByTestId('export-result')
    await result.waitFor({ timeout: 30_000 })
    return result.getByTestId('export-path').allTextContents()
  }
}
