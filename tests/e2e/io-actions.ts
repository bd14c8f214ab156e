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

/** The total of the grid's record count ("… / N" or "N"). */
export async function recordTotal(page: Page): Promise<number> {
  const text = (await page.textContent('[data-test=record-count]')) ?? ''
  const numbers = text.replace(/,/g, '').match(/\d+/g) ?? []
  return Number(numbers.at(-1) ?? Number.NaN)
}

/**
 * With the same file chosen again and the resume offered: checks the rows, then writes only
 * the `rest` (the write button says how many) and closes the dialog once it is done.
 */
export async function resumeImport(page: Page, rest: number, checked?: () => Promise<void>): Promise<void> {
  await page.waitForSelector('[data-test=io-resume]')
  await confirmLeftOutIfAny(page)
  await page.click('[data-test=io-plan]')
  await page.waitForSelector('[data-test=io-review-summary]')
  await checked?.()
  if (!((await page.textContent('[data-test=io-write]')) ?? '').includes(rest.toLocaleString('en'))) throw new Error(`the write button does not name ${rest} rows`)
  await page.click('[data-test=io-write]')
  await page.waitForSelector('[data-test=io-done-summary]', { timeout: 60_000 })
  await page.click('[data-test=io-finish]')
}

/**
 * Confirms the columns an import leaves out (the record import's or the history import's
 * yellow notice): nothing is checked before the user has. Waits for the notice to be there.
 */
export async function confirmLeftOut(page: Page, which: 'records' | 'history' = 'records'): Promise<void> {
  const box = page.locator(which === 'records' ? '[data-test=io-skipped-confirm]' : '[data-test=io-history-skipped-confirm]')
  await box.click()
  await box.locator('input:checked').waitFor({ state: 'attached' })
}

/** `confirmLeftOut` for tests about something else: confirms the left-out columns when the file has any. */
export async function confirmLeftOutIfAny(page: Page): Promise<void> {
  if (await page.locator('[data-test=io-skipped-confirm]').count()) await confirmLeftOut(page)
}
