import type { Page } from 'playwright-core'
import { readFileSync } from 'node:fs'

/** Downloads the whole-workspace backup from the settings page, as a user would, and returns to the page. */
export async function downloadBackup<T>(page: Page): Promise<T> {
  const back = page.url()
  await page.goto(`${new URL(page.url()).origin}/#/settings`)
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=backup]')])
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8')) as T
  await page.goto(back)
  return backup
}

/** Opens an Element Plus select by data-test and picks the visible option with this text. */
export async function pickOption(page: Page, selectTestId: string, text: string | RegExp): Promise<void> {
  await page.locator(`[data-test="${selectTestId}"]`).first().click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}
