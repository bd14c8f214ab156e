/**
 * Leaving a page with unsaved edits asks first (issue 18, 7b): the designer's draft and its
 * JSON text, a dashboard's JSON text, the stage editor's draft, and a reload with a designer draft (the browser's own
 * prompt). Saved edits (the designer after Save, a dashboard's edits, which store at once)
 * leave without a question.
 */
import type { Dialog, Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appIdOf, installSalesTemplate } from './app-actions'
import { editorText, setEditorText } from './designer-actions'
import { fillField } from './grid-actions'
import { shot, startSession } from './harness'

const confirmBox = (page: Page) => page.locator('.fg-leave-confirm')
const hash = (page: Page) => new URL(page.url()).hash
const labelInput = (page: Page) => page.locator('input[data-test=prop-label], [data-test=prop-label] input').first()

/** Clicks `selector` (a navigation) and answers the leave prompt with `answer`. */
async function navigateAnswering(page: Page, go: () => Promise<unknown>, answer: '留下' | '离开'): Promise<void> {
  await go()
  await confirmBox(page).waitFor()
  expect(await confirmBox(page).textContent()).toContain('有未保存的修改，确定离开吗？')
  await shot(page, 'leave-prompt-zh')
  await confirmBox(page).locator('button', { hasText: answer }).click()
  await confirmBox(page).waitFor({ state: 'hidden' })
}

/** A navigation that must not ask: it lands on `to` and no prompt was shown on the way. */
async function navigateFreely(page: Page, go: () => Promise<unknown>, to: RegExp): Promise<void> {
  let asked = false
  const onDialog = (): void => { asked = true }
  page.on('dialog', onDialog)
  await go()
  await expect.poll(() => hash(page)).toMatch(to)
  page.off('dialog', onDialog)
  expect(await confirmBox(page).count()).toBe(0)
  expect(asked).toBe(false)
}

async function openDesigner(page: Page, appId: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/app/${appId}`)
  await page.locator('[data-test=side-form-design]').first().click()
  await page.waitForSelector('[data-test=designer-canvas]')
  await page.waitForSelector('[data-test=designer-clean]')
}

async function renameFirstField(page: Page, label: string): Promise<void> {
  await page.locator('[data-test^="canvas-field-"]').first().click()
  await fillField(page, 'prop-label', label)
  await page.waitForSelector('[data-test=designer-dirty]')
}

describe('leaving unsaved edits asks first (zh-CN)', () => {
  let session: Session
  let page: Page
  let appId = ''
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
    await installSalesTemplate(page)
    appId = appIdOf(page)
  }, 60_000)
  afterAll(async () => session.close())

  it('should ask before leaving a changed designer: stay keeps the change, leave navigates', async () => {
    await openDesigner(page, appId)
    const design = hash(page)
    await renameFirstField(page, '改过的标签')
    await navigateAnswering(page, () => page.click('[data-test=nav-home]'), '留下')
    expect(hash(page)).toBe(design)
    expect(await labelInput(page).inputValue()).toBe('改过的标签')
    await page.waitForSelector('[data-test=designer-dirty]')
    await navigateAnswering(page, () => page.click('[data-test=nav-home]'), '离开')
    await expect.poll(() => hash(page)).toBe('#/')
  })

  it('should ask the browser to hold a reload while the designer has a change', async () => {
    await openDesigner(page, appId)
    await renameFirstField(page, '刷新前的标签')
    const dialog = new Promise<Dialog>(resolve => page.once('dialog', resolve))
    // Asked by the page, as F5 would: page.reload() would wait for a load that never comes.
    await page.evaluate(() => setTimeout(() => location.reload(), 0))
    const d = await dialog
    expect(d.type()).toBe('beforeunload')
    await d.dismiss()
    expect(await labelInput(page).inputValue()).toBe('刷新前的标签')
    await page.waitForSelector('[data-test=designer-dirty]')
  })

  it('should leave a saved designer without asking, and the reload too', async () => {
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
    await navigateFreely(page, () => page.click('[data-test=nav-home]'), /^#\/$/)
    await openDesigner(page, appId)
    expect(await page.locator('[data-test^="canvas-field-"][data-label="刷新前的标签"]').count()).toBe(1)
    await navigateFreely(page, () => page.reload(), /\/design$/)
    await page.waitForSelector('[data-test=designer-clean]')
  })

  it('should ask before leaving an edited JSON text, malformed or valid, and not once it is saved', async () => {
    await openDesigner(page, appId)
    const design = hash(page)
    await page.click('[data-test=tab-json]')
    await page.waitForSelector('[data-test=json-editor] .cm-content')
    const text = await editorText(page)
    // Malformed: the draft keeps the last valid definition, only the text is changed.
    await setEditorText(page, `${text},`)
    await navigateAnswering(page, () => page.click('[data-test=nav-home]'), '留下')
    expect(hash(page)).toBe(design)
    expect(await editorText(page)).toBe(`${text},`)
    await navigateAnswering(page, () => page.click('[data-test=nav-home]'), '离开')
    await expect.poll(() => hash(page)).toBe('#/')

    await openDesigner(page, appId)
    await page.click('[data-test=tab-json]')
    await page.waitForSelector('[data-test=json-editor] .cm-content')
    await setEditorText(page, (await editorText(page)).replace('"刷新前的标签"', '"JSON 改的标签"'))
    await page.waitForSelector('[data-test=designer-dirty]')
    await navigateAnswering(page, () => page.click('[data-test=nav-home]'), '留下')
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
    await navigateFreely(page, () => page.click('[data-test=nav-home]'), /^#\/$/)
  })

  it('should leave a dashboard after adding a widget (stored at once) without asking', async () => {
    await page.goto(`${new URL(page.url()).origin}/#/app/${appId}`)
    await page.click('[data-test=side-dashboard]')
    await page.waitForSelector('[data-test=dashboard-page]')
    await expect.poll(() => page.locator('[data-widget-id]').count()).toBeGreaterThan(0)
    const widgets = await page.locator('[data-widget-id]').count()
    await page.click('[data-test=dashboard-mode]')
    await page.click('[data-test=add-widget]')
    await page.click('.el-dropdown-menu:visible [data-test=palette-text]')
    await expect.poll(() => page.locator('[data-widget-id]').count()).toBe(widgets + 1)
    await navigateFreely(page, () => page.goBack(), new RegExp(`^#/app/${appId}$`))
    await page.click('[data-test=side-dashboard]')
    await expect.poll(() => page.locator('[data-widget-id]').count()).toBe(widgets + 1)
  })

  it('should ask before leaving a dashboard\'s edited JSON text, and not once it is applied', async () => {
    const dash = hash(page)
    await page.click('[data-test=dashboard-mode]')
    await page.click('[data-test=dashboard-json-open]')
    const json = page.locator('[data-test=dashboard-json]')
    const text = await json.inputValue()
    const edited = `${text}\n`
    await json.fill(edited)
    // The dialog covers the sidebar: the browser's back button is the way out.
    await navigateAnswering(page, () => page.goBack(), '留下')
    await expect.poll(() => hash(page)).toBe(dash)
    expect(await json.inputValue()).toBe(edited)
    await navigateAnswering(page, () => page.goBack(), '离开')
    await expect.poll(() => hash(page)).toBe(`#/app/${appId}`)

    await page.click('[data-test=side-dashboard]')
    await page.click('[data-test=dashboard-mode]')
    await page.click('[data-test=dashboard-json-open]')
    await json.fill((await json.inputValue()).replace(/"widgets": \[/, '"widgets": [ '))
    await page.click('[data-test=json-apply]')
    await json.waitFor({ state: 'detached' })
    await navigateFreely(page, () => page.goBack(), new RegExp(`^#/app/${appId}$`))
  })

  it('should ask before leaving the stage editor with a renamed stage, and not once it is saved', async () => {
    const origin = new URL(page.url()).origin
    await page.goto(`${origin}/#/`)
    await page.goto(`${origin}/#/app/${appId}`)
    await page.click('[data-test=funnel-overview] [data-test=stage-settings]')
    await page.waitForSelector('[data-test=stage-editor] [data-test=stage-row]')
    const nameZh = page.locator('[data-test=stage-row][data-stage=stage_needs] input[data-test=stage-name], [data-test=stage-row][data-stage=stage_needs] [data-test=stage-name] input').first()
    await nameZh.fill('改过的阶段')
    // The dialog covers the sidebar: the browser's back button is the way out.
    await navigateAnswering(page, () => page.goBack(), '留下')
    await expect.poll(() => hash(page)).toBe(`#/app/${appId}`)
    expect(await nameZh.inputValue()).toBe('改过的阶段')
    await page.click('[data-test=stage-save]')
    await page.waitForSelector('[data-test=stage-editor]', { state: 'detached' })
    await navigateFreely(page, () => page.goBack(), /^#\/$/)
  })

  it('should have run without console errors', () => {
    expect(session.errors).toEqual([])
  })
})
