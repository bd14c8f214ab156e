/**
 * Engines that cannot hang (hardening issue, findings 1 and 2): a backup carrying a formula
 * SEARCH("*a*a*a*a*a*a*a*b", {编码}) and a text field pattern ^(a+)+$ restores with the
 * pattern rule named as disabled; editing the field to a 1 kB "aaaa…!" saves in normal time
 * (before, the RegExp and ajv's pattern each froze the tab for minutes); the designer shows
 * the rule refused on the field.
 */
import type { Page } from 'playwright-core'
import type { FieldDef } from '../../src/core/schema/types'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gridEditBackup } from '../fixtures/grid-edit'
import { cell, editCell } from './grid-actions'
import { startSession } from './harness'

const HOSTILE = '^(a+)+$'
const SLOW_SEARCH = 'SEARCH("*a*a*a*a*a*a*a*b",{code})'
const LONG = `${'a'.repeat(1023)}!`
const DEALS = '/app/app1/form/deals'

type Backup = ReturnType<typeof gridEditBackup> & {
  forms: { id: string, fields: FieldDef[] }[]
  records: Record<string, { values: Record<string, unknown> }[]>
}

function hostileBackup(): Backup {
  const b = gridEditBackup() as Backup
  const deals = b.forms.find(f => f.id === 'deals')!
  deals.fields.splice(1, 0,
    { id: 'code', type: 'text', label: { 'zh-CN': '编码', 'en': 'Code' }, options: { format: 'regex', pattern: HOSTILE } },
    { id: 'hit', type: 'formula', label: { 'zh-CN': '命中', 'en': 'Hit' }, options: { expression: SLOW_SEARCH } })
  b.records.deals!.slice(1, 6).forEach((r) => { r.values.code = LONG })
  return b
}

describe('hostile patterns: a backup with a slow SEARCH formula and a catastrophic field pattern', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open('#/settings')
  })
  afterAll(async () => session.close())

  it('should restore, naming the pattern rule that stays disabled', async () => {
    await page.waitForSelector('[data-test=restore-file]', { state: 'attached' })
    await page.setInputFiles('[data-test=restore-file]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostileBackup())) })
    const listed = page.locator('[data-test=restore-patterns-disabled] li')
    await expect.poll(() => listed.count()).toBe(1)
    const text = (await listed.textContent()) ?? ''
    expect(text).toContain('表单「商机」的字段「编码」')
    expect(text).toContain(HOSTILE)
    expect(text).toContain('已停用')
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.locator('.el-message-box__btns .el-button--primary').click()])
    await page.waitForSelector('[data-test=backup]')
  })

  it('should save a 1 kB "aaaa…!" value in normal time and keep the page responsive', async () => {
    await page.goto(`${session.baseUrl}#${DEALS}`)
    await page.waitForSelector('.ag-row')
    const started = Date.now()
    await editCell(page, 0, 'code', LONG)
    await expect.poll(() => cell(page, 0, 'code').textContent()).toContain('aaaa')
    await expect.poll(() => cell(page, 0, 'hit').textContent()).toBe('#VALUE!')
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(await cell(page, 0, 'code').getAttribute('class')).not.toContain('fg-cell-error')
    const ping = Date.now()
    await page.evaluate(() => new Promise(resolve => requestAnimationFrame(resolve)))
    expect(Date.now() - ping).toBeLessThan(1_000)
    // Stored, not only shown: a reload reads it back.
    await page.reload()
    await page.waitForSelector('.ag-row')
    await expect.poll(() => cell(page, 0, 'code').textContent()).toContain('aaaa!')
  })

  it('should show the rule refused on the field in the designer', async () => {
    await page.goto(`${session.baseUrl}#${DEALS}/design`)
    await page.waitForSelector('[data-test=designer-canvas]')
    await page.click('[data-test=canvas-field-code]')
    const refused = page.locator('[data-test=pattern-refused]')
    await refused.waitFor()
    const text = (await refused.textContent()) ?? ''
    expect(text).toContain('此校验规则已停用')
    expect(text).toContain(HOSTILE)
  })
})
