import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { fillField } from './grid-actions'
import { pickOption } from './io-actions'

/** The grid's record count line ("显示 24 / 共 24 条记录"). */
export async function countText(page: Page): Promise<string> {
  return (await page.textContent('[data-test=record-count]'))?.trim() ?? ''
}

/** "New form from a file" with column `stageCol` (0-based) made a 阶段 field; resolves on the new form's grid. */
export async function newFormFromFile(page: Page, name: string, text: string, stageCol: number): Promise<void> {
  await page.click('[data-test=create-form-from-file]')
  await page.setInputFiles('[data-test=io-file-input]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) })
  await page.waitForSelector('[data-test=nf-fields]')
  await fillField(page, 'nf-name', name.replace(/\.csv$/, ''))
  await pickOption(page, `nf-type-${stageCol}`, '阶段')
  await page.click('[data-test=nf-create]')
  await page.waitForSelector('[data-test=nf-done]', { timeout: 60_000 })
  await page.click('[data-test=nf-open]')
}

/** Opens the grid's import dialog on its stage-history tab and gives it the file; resolves when its columns are chosen. */
export async function openHistoryImport(page: Page, fileName: string, text: string): Promise<void> {
  await page.click('[data-test=import-open]')
  await page.locator('[data-test=import-dialog] .el-tabs__item', { hasText: '导入阶段历史' }).click()
  await page.waitForSelector('[data-test=io-history-panel]')
  await page.setInputFiles('[data-test=io-history-panel] [data-test=io-file-input]', { name: fileName, mimeType: 'text/csv', buffer: Buffer.from(text) })
  await page.waitForSelector('[data-test=io-history-check]', { timeout: 30_000 })
}

/** The funnel overview of the app's form: stage names, step counts and the win rate as shown. */
export async function funnelShown(page: Page, formId: string): Promise<{ names: string[], steps: number[], winRate: string }> {
  const appId = /#\/app\/([^/?]+)/.exec(page.url())?.[1] ?? ''
  await page.goto(`${new URL(page.url()).origin}/#/app/${appId}`)
  const overview = page.locator(`[data-test=funnel-overview][data-form="${formId}"]`)
  await overview.locator('[data-test=funnel-step]').first().waitFor({ timeout: 30_000 })
  const names = (await overview.locator('[data-test=funnel-step-name]').allTextContents()).map(s => s.trim())
  const steps = (await overview.locator('[data-test=funnel-step-count]').allTextContents()).map(s => Number(s.replace(/,/g, '')))
  const winRate = (await overview.locator('[data-test=funnel-win-rate] .fo-kpi-value').textContent())?.trim() ?? ''
  return { names, steps, winRate }
}

/** Writes the checked history import and closes the dialog. */
export async function writeHistory(page: Page): Promise<void> {
  await page.click('[data-test=io-history-write]')
  await page.waitForSelector('[data-test=io-history-done]', { timeout: 120_000 })
  await page.click('[data-test=io-finish]')
}

/** Waits for the grid to count `n` records. */
export async function expectCount(page: Page, n: number): Promise<void> {
  await expect.poll(() => countText(page), { timeout: 30_000 }).toContain(String(n))
}
