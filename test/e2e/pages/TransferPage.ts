import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'

/** The CSV buttons on a table's toolbar and the import wizard they open. */
export class TransferPage {
  readonly wizard: Locator
  constructor(
    readonly page: Page,
    readonly table: Locator
  ) {
    this.wizard = page.getByTestId('import-wizard')
  }

  async openImport(): Promise<void> {
    await this.table.getByTestId('import-csv').click()
    await this.wizard.waitFor()
  }

  /** Choose a file in whichever step shows the picker (first file, or the fixed one on the check step). */
  async chooseFile(name: string, csv: string | Buffer): Promise<void> {
    await this.wizard.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv })
  }

  /** The "Read as …" line: how the file was read (delimiter, encoding, dates, zone). */
  dialect(): Locator {
    return this.wizard.getByTestId('import-dialect')
  }

  async next(): Promise<void> {
    await this.wizard.getByTestId('import-next').click()
  }

  fieldFor(column: string): Locator {
    return this.wizard.getByLabel(`Field for column ${column}`)
  }

  summary(): Locator {
    return this.wizard.getByTestId('import-summary')
  }

  problems(): Locator {
    return this.wizard.getByTestId('import-problems').locator('li')
  }

  importButton(): Locator {
    return this.wizard.getByTestId('import-apply')
  }

  async close(): Promise<void> {
    await this.wizard.getByRole('button', { name: 'Done' }).click()
  }

  /** Click Export CSV and return the downloaded file's name and text (without the BOM). */
  async exportCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.table.getByTestId('export-csv').click()])
    const path = await download.path()
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') }
  }

  /** Click one of the backend-written exports (Excel, CSV for a European Excel) and return the file's name and bytes. */
  async exportFile(testId: 'export-xlsx' | 'export-csv-eu'): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.table.getByTestId(testId).click()])
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) }
  }
}
