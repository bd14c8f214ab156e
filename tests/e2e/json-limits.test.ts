/**
 * JSON limits (hardening issue, item 3): a backup nested 100k levels deep, a form JSON nested
 * 100k deep pasted into the designer's JSON view and a link whose filter nests 10k levels are
 * each refused with the message naming the limit and the place — no stack overflow — and the
 * app still saves an edit afterwards.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRestored } from './app-actions'
import { setEditorText } from './designer-actions'
import { cell, editCell, fillField } from './grid-actions'
import { startSession } from './harness'
import { gridEditBackup } from '../fixtures/grid-edit'

const DEALS = '/app/app1/form/deals'
const DEEP = 100_000

/** `depth` nested arrays. */
function deepArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`
}

/** A filter of `depth` nested and/or groups around one condition. */
function deepFilter(depth: number): string {
  return `${'{"and":['.repeat(depth)}{"field":"amount","op":"gt","value":1}${']}'.repeat(depth)}`
}

describe('JSON limits: deep backups, pasted form JSON and link filters are refused by name', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await openRestored(session, gridEditBackup(), DEALS)
  })
  afterAll(async () => session.close())

  /** Edits the first deal's name, reloads, and expects the new name to be stored. */
  async function expectEditSaved(name: string): Promise<void> {
    await page.goto(`${session.baseUrl}#${DEALS}`)
    await cell(page, 0, 'name').waitFor()
    await editCell(page, 0, 'name', name)
    await expect.poll(() => cell(page, 0, 'name').textContent()).toContain(name)
    await page.reload()
    await expect.poll(() => page.locator('.ag-row [col-id=name]', { hasText: name }).count()).toBe(1)
  }

  it('should refuse a backup nested 100k levels deep, naming the limit and its place, then still save an edit', async () => {
    await page.goto(`${session.baseUrl}#/settings`)
    await page.waitForSelector('[data-test=restore-file]', { state: 'attached' })
    const text = `{"schemaVersion":1,\n"apps":${deepArrays(DEEP)}}`
    await page.setInputFiles('[data-test=restore-file]', { name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(text) })
    const alert = page.locator('[data-test=restore-errors]')
    // Line 2 is `"apps":[[[…`: the 64th bracket (level 65 under the top object) is at column 71.
    await expect.poll(() => alert.textContent()).toContain('备份文件嵌套超过 64 层（第 2 行第 71 列）')
    expect(await page.locator('.el-message-box').count()).toBe(0)
    await expectEditSaved('备份之后')
  })

  it('should refuse a form JSON pasted 100k levels deep in the designer, then save a designer edit', async () => {
    await page.goto(`${session.baseUrl}#${DEALS}/design`)
    await page.waitForSelector('[data-test=designer-canvas]')
    await page.click('[data-test=tab-json]')
    await page.waitForSelector('[data-test=json-editor] .cm-content')
    await setEditorText(page, `{"schemaVersion":1,"id":"deals","appId":"app1","fields":${deepArrays(DEEP)}}`)
    await expect.poll(() => page.textContent('[data-test=json-error]')).toContain('表单 JSON 嵌套超过 64 层（第 1 行第')
    await page.click('[data-test=json-discard]')
    await expect.poll(() => page.locator('[data-test=json-error]').count()).toBe(0)
    // The designer still works: rename a field and save it.
    await page.click('[data-test=canvas-field-amount]')
    await fillField(page, 'prop-label', '合同金额')
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
    await page.goto(`${session.baseUrl}#${DEALS}`)
    await expect.poll(() => page.locator('.ag-header-cell', { hasText: '合同金额' }).count()).toBe(1)
    await expectEditSaved('设计之后')
  })

  it('should refuse a link whose filter nests 10k levels, show all records and still save an edit', async () => {
    await page.goto(`${session.baseUrl}#${DEALS}?filter=${encodeURIComponent(deepFilter(10_000))}`)
    const warning = page.locator('.el-message', { hasText: '链接中的筛选条件嵌套超过 32 层（第 1 行第 129 列）' })
    await warning.waitFor()
    await cell(page, 19, 'name').waitFor()
    await expectEditSaved('链接之后')
  })
})
