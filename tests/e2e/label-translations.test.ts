/**
 * Names are "label + optional translation" (issue 16 part 4 / issue 15 part 6): renaming an
 * option or a stage in the Chinese UI renames it in English too, unless someone set its own
 * English translation; a stage named in one language only (Spanish) shows that name in both.
 */
import type { Page } from 'playwright-core'
import type { FieldDef, WorkspaceBackup } from '../../src/core/schema/types'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pipelinesBackup } from '../fixtures/pipelines-e2e'
import { openRestored, setLocale } from './app-actions'
import { cell, fillField } from './grid-actions'
import { shot, startSession } from './harness'

/** The pipelines workspace with an app-filled option (选项3 / Option 3), an app-filled stage name (新阶段 / New stage) and a stage named in Spanish only. */
function backup(): WorkspaceBackup {
  const b = pipelinesBackup()
  const fields = b.forms[0]!.fields
  const kind = fields.find(f => f.id === 'kind') as Extract<FieldDef, { type: 'select' }>
  kind.options.choices.push({ id: 'opt3', label: { 'zh-CN': '选项3', 'en': 'Option 3' } })
  const stage = fields.find(f => f.id === 'stage') as Extract<FieldDef, { type: 'stage' }>
  stage.options.stages = stage.options.stages.map(s => (s.id === 'lead' ? { ...s, label: { 'zh-CN': '新阶段', 'en': 'New stage' } } : s.id === 'demo' ? { ...s, label: 'Presentación' } : s))
  // The second deal is of the app-filled option.
  b.records.deals![1]!.values.kind = 'opt3'
  return b
}

const input = (page: Page, test: string) => page.locator(`input[data-test="${test}"], [data-test="${test}"] input`).first()

async function openStageEditor(page: Page, session: Session): Promise<void> {
  await page.goto(`${session.baseUrl}#/app/crm`)
  await page.waitForSelector('[data-test=funnel-overview] [data-test=funnel-step]')
  await page.click('[data-test=funnel-overview] [data-test=stage-settings]')
  await page.waitForSelector('[data-test=stage-editor] [data-test=stage-row]')
}

/** A screenshot at phone width (390 px), then back to the desktop size. */
async function narrowShot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 })
  await shot(page, name)
  await page.setViewportSize({ width: 1360, height: 860 })
}

const stageInput = (page: Page, stage: string, suffix = '') => page.locator(`[data-test=stage-row][data-stage=${stage}] input[data-test=stage-name${suffix}]`)
const stepName = (page: Page, stage: string) => page.locator(`[data-test=funnel-step][data-stage=${stage}] [data-test=funnel-step-name]`).textContent()

describe('names as label + optional translation', { timeout: 90_000 }, () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession()
    page = await openRestored(session, backup(), '/app/crm/form/deals')
  })
  afterAll(async () => session.close())

  it('should rename options in the Chinese designer: the app-filled English follows, a set translation stays', async () => {
    await page.goto(`${session.baseUrl}#/app/crm/form/deals/design`)
    await page.click('[data-test=canvas-field-kind]')
    await page.waitForSelector('[data-test=choices-editor]')
    // One "名称" input per option (no 中文 / English pair); the translation is collapsed until wanted.
    expect(await page.locator('[data-test=field-panel]').textContent()).not.toContain('名称（中文）')
    expect(await input(page, 'choice-label-2').getAttribute('aria-label')).toBe('第 3 个选项的名称')
    await expect.poll(() => page.locator('[data-test="choice-label-2-translation"]').isVisible()).toBe(false)
    await fillField(page, 'choice-label-2', '大客户')
    await fillField(page, 'choice-label-0', '新签客户')
    // 新客户 had its own English translation: it shows, and stays.
    expect(await page.locator('input[data-test="choice-label-0-translation"]').inputValue()).toBe('New business')
    await shot(page, 'labels-options-zh')
    await narrowShot(page, 'labels-options-zh-390')
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
  })

  it('should rename stages in the Chinese stage editor; a Spanish-only stage keeps one name with no translation', async () => {
    await openStageEditor(page, session)
    expect(await stageInput(page, 'demo').inputValue()).toBe('Presentación')
    await page.click('[data-test=stage-row][data-stage=demo] [data-test=stage-name-translate]')
    expect(await stageInput(page, 'demo', '-translation').inputValue()).toBe('')
    expect(await stageInput(page, 'demo', '-translation').getAttribute('placeholder')).toBe('Presentación')
    expect(await stageInput(page, 'demo', '-translation').getAttribute('aria-label')).toBe('名称的 English 翻译（可选）')
    await stageInput(page, 'lead').fill('线索')
    await stageInput(page, 'renew').fill('续约洽谈')
    await shot(page, 'labels-stage-editor-zh')
    await narrowShot(page, 'labels-stage-editor-zh-390')
    await page.click('[data-test=stage-save]')
    await page.waitForSelector('[data-test=stage-editor]', { state: 'detached' })
    await expect.poll(() => stepName(page, 'lead')).toBe('线索')
    expect(await stepName(page, 'demo')).toBe('Presentación')
  })

  it('should show the new names in English, or their own English translations', async () => {
    await setLocale(page, 'English')
    // The stages: renamed → the new name; with a translation → it; Spanish only → the same name.
    await expect.poll(() => stepName(page, 'lead')).toBe('线索')
    expect(await stepName(page, 'renew')).toBe('Renewal talk')
    expect(await stepName(page, 'demo')).toBe('Presentación')
    await page.click('[data-test=funnel-overview] [data-test=stage-settings]')
    await page.waitForSelector('[data-test=stage-editor] [data-test=stage-row]')
    expect(await stageInput(page, 'demo').inputValue()).toBe('Presentación')
    expect(await stageInput(page, 'lead').inputValue()).toBe('线索')
    expect(await stageInput(page, 'renew').inputValue()).toBe('Renewal talk')
    expect(await stageInput(page, 'renew', '-translation').inputValue()).toBe('续约洽谈')
    expect(await stageInput(page, 'renew').getAttribute('aria-label')).toBe('Name')
    await shot(page, 'labels-stage-editor-en')
    await narrowShot(page, 'labels-stage-editor-en-390')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=stage-editor]', { state: 'detached' })

    // The options, in the grid and in the designer.
    await page.goto(`${session.baseUrl}#/app/crm/form/deals`)
    await expect.poll(() => cell(page, 1, 'kind').textContent()).toContain('大客户')
    expect(await cell(page, 0, 'kind').textContent()).toContain('New business')
    await page.goto(`${session.baseUrl}#/app/crm/form/deals/design`)
    await page.click('[data-test=canvas-field-kind]')
    await page.waitForSelector('[data-test=choices-editor]')
    expect(await input(page, 'choice-label-2').inputValue()).toBe('大客户')
    expect(await input(page, 'choice-label-0').inputValue()).toBe('New business')
    expect(await page.locator('input[data-test="choice-label-0-translation"]').inputValue()).toBe('新签客户')
    expect(await page.locator('[data-test=field-panel]').textContent()).not.toContain('Name (English)')
    await shot(page, 'labels-options-en')
  })

  it('should fit the label inputs at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.click('[data-test="choice-label-2-translate"]')
    await page.locator('input[data-test="choice-label-2-translation"]').waitFor()
    await shot(page, 'labels-options-en-390')
    const box = await page.locator('input[data-test="choice-label-2-translation"]').boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1360, height: 860 })
  })
})
