import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDesignerField, editorText, fieldIdByLabel, pick, setEditorText } from './designer-actions'
import { cell, colIdByHeader, fillField } from './grid-actions'
import { shot, startSession } from './harness'

/** Route of the current page without the hash fragment's record part. */
function appBase(page: Page): string {
  const m = /#\/app\/([^/]+)\/form\/([^/]+)/.exec(page.url())
  return `${new URL(page.url()).origin}/#/app/${m![1]}/form/${m![2]}`
}

async function createForm(page: Page, name: string) {
  await page.click('[data-test=create-form]')
  await fillField(page, 'name-input', name)
  await page.click('[data-test=name-submit]')
  await page.waitForSelector('[data-test=form-title]')
  await expect.poll(() => page.textContent('[data-test=form-title]')).toContain(name)
}

describe('form designer: build by clicks, fill records, JSON, type change, trash', () => {
  let session: Session
  let page: Page
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
  })
  afterAll(async () => session.close())

  it('should create an app with a 客户 form holding one record filled through the record form page', async () => {
    await page.click('[data-test=create-app]')
    await fillField(page, 'name-input', '销售')
    await page.click('[data-test=name-submit]')
    await page.waitForSelector('[data-test=app-title]')
    await createForm(page, '客户')
    await page.goto(`${appBase(page)}/new`)
    await page.waitForSelector('[data-test=form-renderer]')
    await page.locator('[data-test=form-renderer] input').first().fill('华为')
    await page.click('[data-test=record-submit]')
    await page.waitForSelector('[data-test=form-title]')
    await expect.poll(() => page.textContent('[data-test=record-count]')).toContain('1')
  })

  it('should build a 10-field form by clicks, with a formula 金额 × 赢率 and a relation', async () => {
    await createForm(page, '商机')
    await page.locator('[data-test=side-form-design]').nth(1).click()
    await page.waitForSelector('[data-test=designer-canvas]')
    ids.title = await fieldIdByLabel(page, '标题')
    ids.amount = await addDesignerField(page, 'number', '金额')
    ids.rate = await addDesignerField(page, 'percent', '赢率')
    ids.expected = await addDesignerField(page, 'formula', '预计金额')
    await pick(page, '[data-test=formula-insert-field]', '金额')
    await page.locator('[data-test=prop-formula]').press('End')
    await page.keyboard.type(' * ')
    await pick(page, '[data-test=formula-insert-field]', '赢率')
    await page.locator('[data-test=prop-formula]').press('End')
    await page.keyboard.type(' / 10')
    await expect.poll(() => page.inputValue('[data-test=prop-formula]')).toBe('{金额} * {赢率} / 10')
    await page.keyboard.type('x')
    await page.waitForSelector('[data-test=formula-error]')
    await page.keyboard.press('Backspace')
    await page.keyboard.type('0')
    await page.waitForSelector('[data-test=formula-ok]')
    ids.account = await addDesignerField(page, 'relation', '客户')
    await expect.poll(() => page.locator('[data-test=opt-target-form]').first().evaluate(el => (el.closest('.el-select') ?? el).textContent)).toContain('客户')
    ids.stage = await addDesignerField(page, 'select', '阶段')
    ids.date = await addDesignerField(page, 'date', '签约日期')
    ids.code = await addDesignerField(page, 'text', '编码')
    ids.key = await addDesignerField(page, 'checkbox', '重点客户')
    ids.serial = await addDesignerField(page, 'serial', '合同编号')
    await fillField(page, 'opt-serial-pattern', 'HT-{yyyyMMdd}-{0000}')
    expect(await page.locator('[data-test^="canvas-field-"]').count()).toBe(10)
    await page.click(`[data-test=canvas-field-${ids.title}]`)
    await page.click('[data-test=prop-required]')
    await shot(page, 'designer-build-zh')
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
  })

  it('should fill three records through the record form page with the formula recomputed live', async () => {
    await page.click('[data-test=designer-open-form]')
    await page.waitForSelector('[data-test=form-renderer]')
    const rows = [['华为项目', '1000', '30', '100'], ['小米项目', '2000', '50', '200'], ['比亚迪项目', '500', '20', '三百']]
    for (const [i, [title, amount, rate, code]] of rows.entries()) {
      await fillField(page, `input-${ids.title}`, title!)
      await fillField(page, `input-${ids.amount}`, amount!)
      await fillField(page, `input-${ids.rate}`, rate!)
      await fillField(page, `input-${ids.code}`, code!)
      await pick(page, `[data-test=input-${ids.account}]`, '华为')
      await pick(page, `[data-test=input-${ids.stage}]`, '选项1')
      const expected = String(Number(amount) * Number(rate) / 100)
      await expect.poll(() => page.textContent(`[data-test=value-${ids.expected}]`)).toContain(expected)
      if (i === 2) {
        await shot(page, 'designer-record-form-filled')
        await page.click('[data-test=record-submit]')
      }
      else {
        await page.click('[data-test=record-submit-again]')
        await expect.poll(() => page.inputValue(`[data-test=input-${ids.title}]`)).toBe('')
      }
    }
    await page.waitForSelector('[data-test=form-title]')
    await expect.poll(() => page.textContent('[data-test=record-count]')).toContain('3')
    await page.setViewportSize({ width: 3200, height: 860 })
    const serialCol = await colIdByHeader(page, '合同编号')
    await expect.poll(() => cell(page, 2, serialCol).textContent()).toMatch(/^HT-\d{8}-0003$/)
    await page.setViewportSize({ width: 1360, height: 860 })
  })

  it('should refuse a record without its required title and say so under the field, keeping a draft', async () => {
    await page.goto(`${appBase(page)}/new`)
    await page.waitForSelector('[data-test=form-renderer]')
    await fillField(page, `input-${ids.amount}`, '42')
    await page.click('[data-test=record-submit]')
    await page.waitForSelector(`[data-test=error-${ids.title}]`)
    expect(await page.textContent(`[data-test=error-${ids.title}]`)).toContain('标题')
    await page.goto(`${appBase(page)}`)
    await page.waitForSelector('[data-test=form-title]')
    await page.goto(`${appBase(page)}/new`)
    await page.waitForSelector('[data-test=draft-restored]')
    expect(await page.inputValue(`[data-test=input-${ids.amount}]`)).toBe('42')
    await page.click('[data-test=discard-draft]')
    expect(await page.inputValue(`[data-test=input-${ids.amount}]`)).toBe('')
  })

  it('should show a field added in the JSON view in the designer', async () => {
    await page.goto(`${appBase(page)}/design`)
    await page.waitForSelector('[data-test=designer-canvas]')
    await page.click('[data-test=tab-json]')
    await page.waitForSelector('[data-test=json-editor] .cm-content')
    const form = JSON.parse(await editorText(page)) as { fields: unknown[] }
    form.fields.push({ id: 'f_source', type: 'text', label: { 'zh-CN': '来源', 'en': 'Source' } })
    await setEditorText(page, JSON.stringify(form, null, 2))
    await page.waitForSelector('[data-test="canvas-field-f_source"]')
    expect(await page.locator('[data-test^="canvas-field-"]').count()).toBe(11)
  })

  it('should show broken JSON as an error and keep the definition unchanged', async () => {
    const good = await editorText(page)
    await setEditorText(page, good.replace('"fields": [', '"fields": [,'))
    await page.waitForSelector('[data-test=json-error]')
    expect(await page.textContent('[data-test=json-error]')).toContain('JSON')
    await expect.poll(() => page.locator('.cm-lintRange-error, .cm-lint-marker-error').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-test^="canvas-field-"]').count()).toBe(11)
    await shot(page, 'designer-json-error')
    await setEditorText(page, good.replace('"type": "text",\n      "label": {\n        "zh-CN": "来源"', '"type": "hologram",\n      "label": {\n        "zh-CN": "来源"'))
    await expect.poll(() => page.textContent('[data-test=json-error]')).toContain('hologram')
    await page.click('[data-test=json-discard]')
    await expect.poll(() => page.locator('[data-test=json-error]').count()).toBe(0)
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
  })

  it('should preview a text -> number change, convert on save and keep the unconvertible original', async () => {
    await page.click(`[data-test=canvas-field-${ids.code}]`)
    await pick(page, '[data-test=prop-type]', '数字')
    await page.waitForSelector('[data-test=type-change-preview]')
    expect(await page.textContent('[data-test=type-change-summary]')).toContain('3 条记录有值：2 条可以转换，1 条无法转换')
    expect(await page.textContent('[data-test=type-change-failures]')).toContain('三百')
    await shot(page, 'designer-type-change-zh')
    await page.click('[data-test=type-change-confirm]')
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
    await page.click('[data-test=tab-trash]')
    await page.waitForSelector('[data-test=trash-panel] [data-test^=trash-]')
    expect(await page.textContent('[data-test=trash-panel]')).toContain('编码（原值）')
  })

  it('should delete a field into the trash and restore it with its data', async () => {
    await page.click(`[data-test=canvas-field-${ids.code}]`)
    await page.click(`[data-test=delete-${ids.code}]`)
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
    await page.click('[data-test=designer-open-grid]')
    await page.waitForSelector('[data-test=form-title]')
    expect(await page.locator('.ag-header-cell', { hasText: '编码' }).count()).toBe(0)
    await page.goto(`${appBase(page)}/design`)
    await page.click('[data-test=tab-trash]')
    await page.click(`[data-test=restore-${ids.code}]`)
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
    await page.click('[data-test=tab-history]')
    expect(await page.textContent('[data-test=history-panel]')).toContain('恢复字段')
    await page.click('[data-test=designer-open-grid]')
    await page.waitForSelector('[data-test=form-title]')
    await page.setViewportSize({ width: 3200, height: 860 })
    const code = await colIdByHeader(page, '编码')
    const title = await colIdByHeader(page, '标题')
    const byTitle: Record<string, string> = {}
    for (let r = 0; r < 3; r++) byTitle[(await cell(page, r, title).textContent())!.trim()] = (await cell(page, r, code).textContent())!.trim()
    expect(byTitle).toEqual({ 华为项目: '100', 小米项目: '200', 比亚迪项目: '' })
    await page.setViewportSize({ width: 1360, height: 860 })
  })

  it('should show a field only while a nested visibility condition holds (金额 > 1000 and (标题 contains 华为 or 急))', async () => {
    await page.goto(`${appBase(page)}/design`)
    await page.waitForSelector('[data-test=designer-canvas]')
    await page.click(`[data-test=canvas-field-${ids.key}]`)
    const editor = '[data-test=prop-visible]'
    await page.click(`${editor} [data-test=filter-add]`)
    await pick(page, `${editor} [data-test=filter-field]`, '金额')
    await pick(page, `${editor} [data-test=filter-op]`, '大于')
    await page.locator(`${editor} [data-test=filter-value] input, ${editor} input[data-test=filter-value]`).first().fill('1000')
    await page.click(`${editor} [data-test=filter-add-group]`)
    const nested = `${editor} [data-test=filter-group] [data-test=filter-group]`
    await pick(page, `${nested} [data-test=filter-field]`, '标题')
    await pick(page, `${nested} [data-test=filter-op]`, '包含')
    await page.locator(`${nested} [data-test=filter-value] input, ${nested} input[data-test=filter-value]`).first().fill('华为')
    await page.click(`${nested} [data-test=filter-add]`)
    await pick(page, `${nested} [data-test=filter-field] >> nth=1`, '标题')
    await pick(page, `${nested} [data-test=filter-op] >> nth=1`, '包含')
    await page.locator(`${nested} [data-test=filter-value] input, ${nested} input[data-test=filter-value]`).nth(1).fill('急')
    await page.locator(`${nested} [data-test=filter-value] input, ${nested} input[data-test=filter-value]`).nth(1).press('Tab')
    await shot(page, 'designer-visibility-nested-zh')
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
    await page.goto(`${appBase(page)}/new`)
    await page.waitForSelector('[data-test=form-renderer]')
    const key = page.locator(`[data-test=form-item-${ids.key}]`)
    await fillField(page, `input-${ids.amount}`, '5000')
    await fillField(page, `input-${ids.title}`, '小米项目')
    await expect.poll(() => key.count()).toBe(0)
    await fillField(page, `input-${ids.title}`, '紧急单')
    await expect.poll(() => key.count()).toBe(1)
    await fillField(page, `input-${ids.amount}`, '10')
    await expect.poll(() => key.count()).toBe(0)
    await fillField(page, `input-${ids.amount}`, '2000')
    await fillField(page, `input-${ids.title}`, '华为二期')
    await expect.poll(() => key.count()).toBe(1)
  })

  it('should show the designer in English', async () => {
    await page.click('[data-test=locale-select]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'English' }).click()
    await page.goto(`${appBase(page)}/design`)
    await page.waitForSelector('[data-test=designer-canvas]')
    await page.click(`[data-test=canvas-field-${ids.expected}]`)
    await expect.poll(() => page.textContent('[data-test=designer-palette]')).toContain('Single select')
    await shot(page, 'designer-en')
  })
})
