/**
 * A stage field's linked fields set by clicking in the designer, on a form the user built (not
 * the template): creating the forecast category (with its set-by-hand marks) and the win
 * probability makes a new deal take its stage's defaults, and a later stage change moves them;
 * in English, the snooze reason waits for the snooze date, and once both are created the record
 * page offers to snooze the deal.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppWithForm } from './app-actions'
import { addDesignerField, fieldIdByLabel, pick } from './designer-actions'
import { cell, cellText, colIdByHeader, fillField } from './grid-actions'
import { shot, startSession } from './harness'

/** Picks an entry of one link's select in the designer's linked-fields block. */
async function pickLink(page: Page, link: string, text: string): Promise<void> {
  await pick(page, `[data-test=stage-link-${link}] .el-select__wrapper`, text)
}

async function openDesigner(page: Page): Promise<void> {
  await page.locator('[data-test=side-form-design]').first().click()
  await page.waitForSelector('[data-test=designer-canvas]')
}

async function saveDesign(page: Page): Promise<void> {
  await page.click('[data-test=designer-save]')
  await page.waitForSelector('[data-test=designer-clean]')
}

describe('stage links by clicking (zh-CN): forecast on a user-built form', () => {
  let session: Session
  let page: Page
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
  })
  afterAll(async () => session.close())

  it('should create the forecast category with its set-by-hand marks, and the win probability, from the stage field\'s settings', async () => {
    await createAppWithForm(page, '销售', '商机')
    await openDesigner(page)
    ids.title = await fieldIdByLabel(page, '标题')
    ids.stage = await addDesignerField(page, 'stage', '销售阶段')
    const block = page.locator('[data-test=stage-links]')
    await block.scrollIntoViewIfNeeded()
    await expect.poll(() => block.locator('[data-test=stage-link-forecastCategory]').textContent()).toContain('将同时新建「手动设置」字段')
    await pickLink(page, 'forecastCategory', '新建「预测分类」字段')
    ids.category = await fieldIdByLabel(page, '预测分类')
    ids.manual = await fieldIdByLabel(page, '手动设置')
    await pickLink(page, 'probability', '新建「赢单概率」字段')
    ids.probability = await fieldIdByLabel(page, '赢单概率')
    // The three new fields sit right after the stage field, and the stage field stays selected.
    const order = await page.locator('[data-test^="canvas-field-"]').evaluateAll(els => els.map(e => e.getAttribute('data-test')!.replace('canvas-field-', '')))
    expect(order.slice(order.indexOf(ids.stage), order.indexOf(ids.stage) + 4)).toEqual([ids.stage, ids.manual, ids.category, ids.probability])
    await expect.poll(() => block.locator('[data-test=stage-link-forecastCategory] .el-select').textContent()).toContain('预测分类')
    await shot(page, 'designer-stage-links-zh')
    await saveDesign(page)
  })

  it('should give a new deal its stage\'s probability and category, and move both when the stage changes', async () => {
    await page.click('[data-test=designer-open-form]')
    await page.waitForSelector('[data-test=form-renderer]')
    await fillField(page, `input-${ids.title}`, '华为项目')
    await pick(page, `[data-test=input-${ids.stage}]`, '方案报价')
    await page.click('[data-test=record-submit]')
    await page.waitForSelector('[data-test=form-title]')
    await expect.poll(() => page.textContent('[data-test=record-count]')).toContain('1')
    const category = await colIdByHeader(page, '预测分类')
    const probability = await colIdByHeader(page, '赢单概率')
    const stage = await colIdByHeader(page, '销售阶段')
    await expect.poll(() => cellText(page, 0, category)).toBe('管道')
    await expect.poll(() => cellText(page, 0, probability)).toBe('60%')
    await cell(page, 0, stage).dblclick()
    await page.locator('[data-test=pick-editor] .fg-pick-item', { hasText: '赢单' }).click()
    await expect.poll(() => cellText(page, 0, category)).toBe('已成交')
    await expect.poll(() => cellText(page, 0, probability)).toBe('100%')
  })

  it('should unlink a field without deleting it, and flag a linked field that was deleted', async () => {
    await openDesigner(page)
    await page.click(`[data-test=canvas-field-${ids.stage}]`)
    await pickLink(page, 'probability', '不关联')
    await expect.poll(() => page.locator(`[data-test=canvas-field-${ids.probability}]`).count()).toBe(1)
    await pickLink(page, 'probability', '赢单概率')
    await page.click(`[data-test=delete-${ids.category}]`)
    await page.click(`[data-test=canvas-field-${ids.stage}]`)
    await expect.poll(() => page.locator('[data-test=stage-link-forecastCategory] [role=alert]').textContent()).toContain('已删除或类型不符')
    await page.click('[data-test=designer-undo]')
    await expect.poll(() => page.locator('[data-test=stage-link-forecastCategory] [role=alert]').count()).toBe(0)
  })
})

describe('stage links by clicking (en): snooze and forecast on a user-built form', () => {
  let session: Session
  let page: Page
  let stage = ''

  beforeAll(async () => {
    session = await startSession({ locale: 'en' })
    page = await session.open()
  })
  afterAll(async () => session.close())

  it('should ask for the snooze date before the reason, then let the record page snooze the deal', async () => {
    await createAppWithForm(page, 'Sales', 'Deals')
    await openDesigner(page)
    const title = await fieldIdByLabel(page, 'Title')
    stage = await addDesignerField(page, 'stage', 'Stage')
    const reason = page.locator('[data-test=stage-link-snoozeReason]')
    await reason.scrollIntoViewIfNeeded()
    expect(await reason.textContent()).toContain('Pick the snooze date field first')
    expect(await reason.locator('.el-select__wrapper').getAttribute('class')).toContain('is-disabled')
    await pickLink(page, 'snoozeUntil', 'New "Snooze date" field')
    await expect.poll(() => reason.locator('.el-select__wrapper').getAttribute('class')).not.toContain('is-disabled')
    await pickLink(page, 'snoozeReason', 'New "Snooze reason" field')
    await fieldIdByLabel(page, 'Snooze reason')
    await shot(page, 'designer-stage-links-en')
    await saveDesign(page)
    await page.click('[data-test=designer-open-form]')
    await page.waitForSelector('[data-test=form-renderer]')
    await fillField(page, `input-${title}`, 'Acme')
    await pick(page, `[data-test=input-${stage}]`, 'Qualify')
    await page.click('[data-test=record-submit]')
    await page.waitForSelector('[data-test=form-title]')
    const row = page.locator('.ag-row[row-id]').first()
    const id = await row.getAttribute('row-id')
    await page.goto(`${page.url().replace(/\?.*$/, '')}/record/${id}`)
    await page.locator('[data-test=record-snooze] [data-test=snooze-open]').waitFor()
  })

  it('should keep a probability typed before the forecast was linked, through the next stage change', async () => {
    await page.goto(page.url().replace(/\/record\/.*$/, ''))
    await page.waitForSelector('[data-test=form-title]')
    await openDesigner(page)
    await addDesignerField(page, 'percent', 'Chance')
    await saveDesign(page)
    await page.click('[data-test=designer-open-grid]')
    await page.waitForSelector('.ag-row[row-id]')
    const chance = await colIdByHeader(page, 'Chance')
    await cell(page, 0, chance).dblclick()
    const editor = page.locator('.ag-cell-inline-editing input').first()
    await editor.fill('35')
    await editor.press('Enter')
    await expect.poll(() => cellText(page, 0, chance)).toBe('35%')
    await openDesigner(page)
    await page.click(`[data-test=canvas-field-${stage}]`)
    await pickLink(page, 'probability', 'Chance')
    await pickLink(page, 'forecastCategory', 'New "Forecast category" field')
    await page.click('[data-test=designer-save]')
    await page.locator('.el-message--success', { hasText: 'marked "set by hand"' }).waitFor()
    await page.waitForSelector('[data-test=designer-clean]')
    await page.click('[data-test=designer-open-grid]')
    await page.waitForSelector('.ag-row[row-id]')
    const category = await colIdByHeader(page, 'Forecast category')
    const manual = await colIdByHeader(page, 'Set by hand')
    await expect.poll(() => cellText(page, 0, category)).toBe('Pipeline')
    expect(await cellText(page, 0, manual)).toBe('Win probability')
    await cell(page, 0, await colIdByHeader(page, 'Stage')).dblclick()
    await page.locator('[data-test=pick-editor] .fg-pick-item', { hasText: 'Propose' }).click()
    await expect.poll(() => cellText(page, 0, category)).toBe('Pipeline')
    expect(await cellText(page, 0, chance)).toBe('35%')
  })
})
