import type { Locator } from '@playwright/test'
import { AppPage } from './AppPage'

/** The calendar screen: days by date, items by id, and the toolbar actions. */
export class CalendarPage extends AppPage {
  day(date: string): Locator {
    return this.page.locator(`[data-testid="cal-day"][data-date="${date}"]`)
  }

  item(id: string): Locator {
    return this.page.locator(`[data-testid="cal-item"][data-id="${id}"]`)
  }

  async ready(): Promise<void> {
    await this.page.locator('[data-testid="calendar-grid"][data-ready="true"]').waitFor()
  }

  /** A draggable (not published) item visible in the month grid, with the day it sits on. */
  async movableItem(status = 'draft'): Promise<{ id: string; date: string }> {
    const chip = this.page.locator(`[data-testid="cal-day"]:not(.day-outside) .chip-${status}`).first()
    await chip.waitFor()
    const id = (await chip.getAttribute('data-id')) ?? ''
    const date = (await chip.locator('xpath=ancestor::*[@data-testid="cal-day"]').getAttribute('data-date')) ?? ''
    return { id, date }
  }

  toast(): Locator {
    return this.page.getByTestId('toast')
  }
}
