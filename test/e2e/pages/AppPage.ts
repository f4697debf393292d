import type { Page } from '@playwright/test'
import type { Served } from '../serveWorkspace'

/** The window: open the app with its token, navigate by the left navigation. */
export class AppPage {
  constructor(
    readonly page: Page,
    readonly app: Served
  ) {}

  async open(screen = ''): Promise<void> {
    await this.page.goto(this.app.url + (screen ? `#/${screen}` : ''))
    await this.page.getByTestId('nav').waitFor()
  }

  async go(screen: string): Promise<void> {
    await this.page.getByTestId(`nav-${screen}`).click()
  }

  /** Reload keeps the session (the cookie the printed link's first load set). */
  async reload(): Promise<void> {
    await this.page.reload()
    await this.page.getByTestId('nav').waitFor()
  }
}
