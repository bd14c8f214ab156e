import type { Page } from 'playwright-core'
import { confirmRestore } from './app-actions'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cell, colIdByHeader, editCell, fillField } from './grid-actions'
import { shot, startSession } from './harness'

async function addField(page: Page, label: string, typeLabel: string, choices?: string) {
  await page.click('[data-test=add-field]')
  await fillField(page, 'field-label', label)
  await page.click('[data-test=field-type]')
  await page.locator('.el-select-dropdown__item:visible', { hasText: typeLabel }).first().click()
  if (choices) await fillField(page, 'field-choices', choices)
  await page.click('[data-test=field-submit]')
  await page.locator('.ag-header-cell', { hasText: label }).first().waitFor()
}

async function recordCountText(page: Page) {
  return (await page.textContent('[data-test=record-count]'))?.trim()
}

async function downloadBackup(page: Page): Promise<Record<string, unknown>> {
  await page.goto(`${new URL(page.url()).origin}/#/settings`)
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=backup]')])
  const path = await download.path()
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}

describe('foundation: app, form, grid, reload, language, tabs, backup', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
  })
  afterAll(async () => session.close())

  it('should show an empty workspace that says what to do', async () => {
    await page.waitForSelector('[data-test=home-empty]')
    expect(await page.textContent('[data-test=home-empty]')).toContain('新建应用')
    await shot(page, 'home-empty-zh')
  })

  it('should create an app and a form with four field types and three records', async () => {
    await page.click('[data-test=create-app]')
    await fillField(page, 'name-input', '销售管理')
    await page.click('[data-test=name-submit]')
    await page.waitForSelector('[data-test=app-title]')
    await page.click('[data-test=create-form]')
    await fillField(page, 'name-input', '客户')
    await page.click('[data-test=name-submit]')
    await page.waitForSelector('[data-test=form-title]')
    await addField(page, '金额', '数字')
    await addField(page, '签约日期', '日期')
    await addField(page, '行业', '单选', '制造业\n零售\n互联网')
    await addField(page, '重点客户', '复选框')
    const title = await colIdByHeader(page, '标题')
    const amount = await colIdByHeader(page, '金额')
    for (let i = 0; i < 3; i++) {
      await page.click('[data-test=add-record]')
      await page.locator(`.ag-row[row-index="${i}"]`).first().waitFor()
    }
    await editCell(page, 0, title, '华为')
    await editCell(page, 1, title, '小米')
    await editCell(page, 2, title, '比亚迪')
    await editCell(page, 0, amount, '1200')
    await expect.poll(() => cell(page, 0, amount).textContent()).toBe('1200')
    expect(await recordCountText(page)).toContain('3')
    await shot(page, 'grid-zh')
  })

  it('should keep definition and records after a reload', async () => {
    await page.reload()
    await page.waitForSelector('[data-test=form-title]')
    const title = await colIdByHeader(page, '标题')
    await expect.poll(() => cell(page, 1, title).textContent()).toBe('小米')
    for (const h of ['金额', '签约日期', '行业', '重点客户']) await colIdByHeader(page, h)
    expect(await recordCountText(page)).toContain('3')
  })

  it('should switch the interface language', async () => {
    await page.click('[data-test=locale-select]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'English' }).click()
    await expect.poll(() => page.textContent('[data-test=add-record]')).toContain('Add record')
    expect(await page.textContent('[data-test=nav-settings]')).toContain('Settings')
    await shot(page, 'grid-en')
    await page.reload()
    await expect.poll(() => page.textContent('[data-test=nav-settings]')).toContain('Settings')
  })

  it('should show a record added in one tab in a second tab without reload', async () => {
    const second = await session.open(new URL(page.url()).hash)
    await second.waitForSelector('[data-test=form-title]')
    await expect.poll(() => recordCountText(second)).toContain('3 of 3')
    await page.click('[data-test=add-record]')
    await expect.poll(() => recordCountText(second), { timeout: 5000 }).toContain('4 of 4')
    await second.close()
  })

  it('should restore a backup identical to what was deleted', async () => {
    const before = await downloadBackup(page)
    await page.goto(`${new URL(page.url()).origin}/#/`)
    await page.click('[data-test=delete-app]')
    await page.locator('.el-message-box__btns .el-button--danger, .el-message-box__btns .el-button--primary').last().click()
    await page.waitForSelector('[data-test=home-empty]')
    await page.goto(`${new URL(page.url()).origin}/#/settings`)
    const file = JSON.stringify(before)
    await page.setInputFiles('[data-test=restore-file]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(file) })
    // The restore reloads the page once the backup is stored: wait for that reload.
    await confirmRestore(page)
    await page.waitForSelector('[data-test=backup]')
    const after = await downloadBackup(page)
    const strip = (b: Record<string, unknown>) => ({ ...b, exportedAt: 0 })
    expect(strip(after)).toEqual(strip(before))
    await page.goto(`${new URL(page.url()).origin}/#/`)
    await expect.poll(() => page.textContent('[data-test=app-list]')).toContain('销售管理')
    await shot(page, 'home-en')
  })
})
