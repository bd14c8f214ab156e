import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CRM_DIR, CRM_SKIP_REASON, hasCrmData } from '../shared-data'
import { CUSTOMER_HEADERS, customersCsv, gbkBytes, sampleCsv } from '../fixtures/io-e2e/files'
import { colIdByHeader, fillField } from './grid-actions'
import { shot, startSession } from './harness'
import { downloadBackup, pickOption } from './io-actions'

interface Backup {
  forms: { id: string, name: unknown, fields: { id: string, type: string, label: unknown, options?: { stages?: { id: string, label: string }[], choices?: { id: string, label: string }[] } }[] }[]
  records: Record<string, { values: Record<string, unknown>, createdAt: number }[]>
  stageEvents: { formId: string, recordId: string, from: string | null, to: string, at: number }[]
}

async function countText(page: Page) {
  return (await page.textContent('[data-test=record-count]'))?.trim() ?? ''
}

/** The grid toolbar's import button (ImportButton, mounted by the grid view). */
async function openImport(page: Page) {
  await page.locator('[data-test=import-open]').first().click()
  await page.waitForSelector('[data-test=io-records-panel]')
}

async function upload(page: Page, name: string, buffer: Buffer | Uint8Array, mimeType = 'text/csv') {
  await page.setInputFiles('[data-test=io-file-input]', { name, mimeType, buffer: Buffer.from(buffer) })
}

async function createFormFromFile(page: Page, name: string, text: string) {
  await page.click('[data-test=create-form-from-file]')
  await upload(page, name, Buffer.from(text))
  await page.waitForSelector('[data-test=nf-fields]')
}

describe('import and export in the browser', () => {
  let session: Session
  let page: Page
  const planted = customersCsv(1000, 10)

  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
    await page.click('[data-test=create-app]')
    await fillField(page, 'name-input', '导入测试')
    await page.click('[data-test=name-submit]')
    await page.waitForSelector('[data-test=app-title]')
  })
  afterAll(async () => session.close())

  describe.skipIf(!hasCrmData)(`the CRM pipeline file (${hasCrmData ? 'present' : CRM_SKIP_REASON})`, () => {
    it('should create a form from sales_pipeline.csv with 8,800 records and the published stage counts', async () => {
      await createFormFromFile(page, 'sales_pipeline.csv', readFileSync(`${CRM_DIR}sales_pipeline.csv`, 'utf8'))
      expect(await page.textContent('[data-test=io-file-summary]')).toContain('8,800')
      // deal_stage is column 5: make it a stage field; its date columns are suggested.
      await pickOption(page, 'nf-type-4', '阶段')
      await page.waitForSelector('[data-test=io-stage-dates]')
      expect(await page.textContent('[data-test=io-date-format]')).toContain('25-03-24')
      await shot(page, 'import-new-form-crm-zh')
      await page.click('[data-test=nf-create]')
      await page.waitForSelector('[data-test=nf-done]', { timeout: 60_000 })
      expect(await page.textContent('[data-test=nf-done]')).toContain('8,800')
      await page.click('[data-test=nf-open]')
      await expect.poll(() => countText(page), { timeout: 20_000 }).toContain('8800')

      // The grid's count under a stage filter, as a dashboard drill-down shows it.
      const stageCol = await colIdByHeader(page, 'deal_stage')
      const formUrl = page.url().split('?')[0]!
      const counts: Record<string, number> = {}
      const backup = await downloadBackup<Backup>(page)
      const form = backup.forms.find(f => f.fields.some(x => x.id === stageCol))!
      const stages = form.fields.find(x => x.id === stageCol)!.options!.stages!
      expect(stages.map(s => s.label)).toEqual(['Prospecting', 'Engaging', 'Won', 'Lost'])
      for (const s of stages) {
        const filter = JSON.stringify({ and: [{ field: stageCol, op: 'eq', value: s.id }] })
        await page.goto(`${formUrl}?filter=${encodeURIComponent(filter)}`)
        await expect.poll(() => countText(page), { timeout: 20_000 }).toMatch(/\d+\D+8800/)
        counts[s.label] = Number((await countText(page)).match(/\d+/)![0])
      }
      expect(counts).toEqual({ Prospecting: 500, Engaging: 1589, Won: 4238, Lost: 2473 })

      // Backdated stage history: Engaging from engage_date, Won/Lost from close_date.
      const records = backup.records[form.id]!
      expect(records).toHaveLength(8800)
      const events = backup.stageEvents.filter(e => e.formId === form.id)
      expect(events).toHaveLength(500 + 1589 + 2 * 4238 + 2 * 2473)
      const dated = events.filter(e => e.to !== stages[0]!.id)
      expect(dated.every(e => e.at >= Date.UTC(2016, 0, 1) && e.at < Date.UTC(2018, 0, 1))).toBe(true)
    })
  })

  it('should create the customer form from a clean sample file', async () => {
    await createFormFromFile(page, '客户样例.csv', sampleCsv())
    expect(await page.locator('[data-test=nf-label-0] input, input[data-test=nf-label-0]').first().inputValue()).toBe('客户名称')
    await fillField(page, 'nf-name', '客户')
    await shot(page, 'import-new-form-zh')
    await page.click('[data-test=nf-create]')
    await page.waitForSelector('[data-test=nf-done]')
    await page.click('[data-test=nf-open]')
    await expect.poll(() => countText(page)).toContain('20')
  })

  it('should import 990 of 1,000 rows and list the 10 bad ones with their reasons', async () => {
    await openImport(page)
    await upload(page, '客户1000.csv', Buffer.from(planted.text))
    await page.waitForSelector('[data-test=io-mapping]')
    // Columns auto-matched by label, errors of the first rows visible in the preview.
    expect(await page.textContent('[data-test=io-preview]')).toContain('客户1000')
    await expect.poll(() => page.locator('[data-test=io-preview] [data-test=io-cell-error]').count()).toBe(3)
    expect(await page.textContent('[data-test=io-preview-status]')).toContain('3')
    await shot(page, 'import-dialog-zh')
    await page.click('[data-test=io-plan]')
    await page.waitForSelector('[data-test=io-review-summary]')
    const summary = await page.textContent('[data-test=io-review-summary]')
    expect(summary).toContain('990')
    expect(summary).toContain('10 行')
    const rows = page.locator('[data-test=io-rejected-row]')
    expect(await rows.count()).toBe(10)
    for (const [i, e] of planted.errors.entries()) {
      const text = await rows.nth(i).textContent()
      expect(text).toContain(String(e.line))
      expect(text).toContain(e.column)
      expect(text).toContain(e.value)
    }
    expect(await rows.nth(2).textContent()).toContain('没有选项「航天」')
    await shot(page, 'import-review-zh')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=io-rejected-download]')])
    const report = readFileSync(await download.path(), 'utf8')
    expect(report.trim().split(/\r?\n/)).toHaveLength(11)
    await page.click('[data-test=io-write]')
    await page.waitForSelector('[data-test=io-done-summary]')
    expect(await page.textContent('[data-test=io-done-summary]')).toContain('990')
    await page.click('[data-test=io-finish]')
    await expect.poll(() => countText(page)).toContain('1010')
  })

  it('should import a GBK-encoded CSV with Chinese headers', async () => {
    const text = `${CUSTOMER_HEADERS.join(',')}\r\n华为技术,8800,2024-05-06,制造业\r\n小米科技,1200,2024-05-07,互联网\r\n永辉超市,350.5,2024-05-08,零售\r\n`
    await openImport(page)
    await upload(page, 'gbk.csv', gbkBytes(text))
    await page.waitForSelector('[data-test=io-mapping]')
    expect(await page.textContent('[data-test=io-encoding]')).toContain('GBK')
    expect(await page.textContent('[data-test=io-preview]')).toContain('永辉超市')
    expect(await page.locator('[data-test=io-preview] [data-test=io-cell-error]').count()).toBe(0)
    await page.click('[data-test=io-plan]')
    await page.click('[data-test=io-write]')
    await page.waitForSelector('[data-test=io-done-summary]')
    await page.click('[data-test=io-finish]')
    await expect.poll(() => countText(page)).toContain('1013')
    const backup = await downloadBackup<Backup>(page)
    const form = backup.forms.find(f => f.name === '客户')!
    const name = form.fields.find(f => f.label === '客户名称')!.id
    const amount = form.fields.find(f => f.label === '金额')!.id
    const yonghui = backup.records[form.id]!.find(r => r.values[name] === '永辉超市')
    expect(yonghui?.values[amount]).toBe(350.5)
  })

  it('should re-import its own CSV export as identical records', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.click('[data-test=export-open]')
        await page.locator('[data-test=export-csv]:visible').click()
      })(),
    ])
    const exported = readFileSync(await download.path())
    await openImport(page)
    await upload(page, 'export.csv', exported)
    await page.waitForSelector('[data-test=io-mapping]')
    await page.click('[data-test=io-plan]')
    await page.click('[data-test=io-write]')
    await page.waitForSelector('[data-test=io-done-summary]')
    expect(await page.textContent('[data-test=io-done-summary]')).toContain('1,013')
    await page.click('[data-test=io-finish]')
    const backup = await downloadBackup<Backup>(page)
    const form = backup.forms.find(f => f.name === '客户')!
    const seen = new Map<string, number>()
    for (const r of backup.records[form.id]!) {
      const key = JSON.stringify(Object.keys(r.values).sort().map(k => [k, r.values[k]]))
      seen.set(key, (seen.get(key) ?? 0) + 1)
    }
    expect(seen.size).toBe(1013)
    expect([...seen.values()].every(n => n === 2)).toBe(true)
  })

  it('should show the dialogs in English too', async () => {
    await page.click('[data-test=locale-select]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'English' }).click()
    await expect.poll(() => page.textContent('[data-test=create-form-from-file]')).toContain('From a file')
    await createFormFromFile(page, 'customers.csv', sampleCsv())
    await shot(page, 'import-new-form-en')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=new-form-file-dialog]', { state: 'detached' })
    await openImport(page)
    await upload(page, 'customers-1000.csv', Buffer.from(planted.text))
    await page.waitForSelector('[data-test=io-mapping]')
    expect(await page.textContent('[data-test=io-preview-status]')).toContain('cannot be imported')
    await shot(page, 'import-dialog-en')
    await page.click('[data-test=io-plan]')
    await page.waitForSelector('[data-test=io-review-summary]')
    expect(await page.textContent('[data-test=io-review-summary]')).toContain('10 rows with problems')
    await shot(page, 'import-review-en')
  })
})
