/**
 * Phone and tablet width (issue #16): at 390×844 the sidebar is a drawer, the nav a menu, the
 * record form one column of full-width inputs with no horizontal scroll; a salesperson fills
 * 新增·商机 by tapping and typing and finds the deal in the card list by searching. At 768×1024
 * the desktop layout still fits.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appIdOf, formHref, installSalesTemplate } from './app-actions'
import { settled, shot, startSession } from './harness'

/** Horizontal overflow of the page and of every scrolling box inside it (0 = none). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    let worst = document.documentElement.scrollWidth - window.innerWidth
    for (const el of document.querySelectorAll<HTMLElement>('.fg-main, .record-page, .record-card, .app-content'))
      worst = Math.max(worst, el.scrollWidth - el.clientWidth)
    return worst
  })
}

/** The text box of a form field (Element Plus puts data-test on the input or textarea itself). */
function field(id: string): string {
  return `input[data-test=input-${id}], textarea[data-test=input-${id}], [data-test=input-${id}] input, [data-test=input-${id}] textarea`
}

/** Picks the first option of the dropdown an Element Plus select opened. */
async function pickFirst(page: Page, testId: string): Promise<void> {
  await page.click(`[data-test=${testId}]`)
  const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item:not(.is-disabled)').first()
  await option.click()
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => undefined)
}

describe('phone width (390×844)', () => {
  let session: Session
  let page: Page
  let appId = ''
  beforeAll(async () => {
    session = await startSession()
    page = await session.open()
    await page.setViewportSize({ width: 390, height: 844 })
    await installSalesTemplate(page)
    appId = appIdOf(page)
  })
  afterAll(async () => session.close())

  it('should fold the nav into a menu and the sidebar into a drawer', async () => {
    const header = await page.locator('.fg-header').boundingBox()
    expect(header?.height).toBeLessThanOrEqual(53)
    expect(await page.locator('.fg-nav').isVisible()).toBe(false)
    expect(await page.locator('[data-test=app-sidebar]').boundingBox().then(b => (b?.x ?? 0) + (b?.width ?? 0))).toBeLessThanOrEqual(0)
    await page.click('[data-test=sidebar-toggle]')
    await settled(page)
    const side = await page.locator('[data-test=app-sidebar]').boundingBox()
    expect(side?.x).toBe(0)
    await shot(page, 'phone-sidebar')
    await page.locator('[data-test=side-form]', { hasText: '商机' }).click()
    await page.waitForSelector('[data-test=grid-cards]')
    await settled(page)
    expect(await page.locator('[data-test=sidebar-backdrop]').count()).toBe(0)
    await page.click('[data-test=nav-menu-button]')
    await page.locator('[data-test=menu-nav-settings]').waitFor()
    await page.keyboard.press('Escape')
  })

  it('should fill 新增·商机 in one column of full-width inputs and find the deal in the card list', async () => {
    await page.click('[data-test=new-record-form]')
    await page.waitForSelector('[data-test=form-renderer]')
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    // One column: every visible item is (nearly) as wide as the card.
    const widths = await page.locator('[data-test=form-renderer] > .form-item').evaluateAll(els => els.map(e => e.getBoundingClientRect().width))
    expect(Math.min(...widths)).toBeGreaterThan(320)
    expect(await page.getAttribute(field('f_opp_amount'), 'inputmode')).toBe('decimal')
    expect(await page.getAttribute('[data-test=input-f_opp_expected_close]', 'type')).toBe('date')

    const title = '手机录入 - 华东区大客户'
    await page.fill(field('f_opp_title'), title)
    await pickFirst(page, 'input-f_opp_account')
    await pickFirst(page, 'input-f_opp_contact')
    await pickFirst(page, 'input-f_opp_stage')
    await page.fill(field('f_opp_amount'), '128000')
    await page.fill(field('f_opp_probability'), '30')
    await page.fill('[data-test=input-f_opp_expected_close]', '2027-06-30')
    await pickFirst(page, 'input-f_opp_owner')
    await pickFirst(page, 'input-f_opp_source')
    await pickFirst(page, 'input-f_opp_campaign')
    await page.fill(field('f_opp_needs'), '需要移动端录入和审批')
    await page.fill(field('f_opp_budget'), '150000')
    await page.fill(field('f_opp_competitors'), '某竞品')
    await page.fill(field('f_opp_decision_maker'), '王总')
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await shot(page, 'phone-record-form')
    await page.click('[data-test=record-submit]')
    await page.waitForSelector('[data-test=grid-cards]')
    await page.fill('input[data-test=view-search], [data-test=view-search] input', '手机录入')
    const card = page.locator('[data-test=grid-card]', { hasText: title })
    await card.waitFor()
    await expect.poll(() => page.locator('[data-test=grid-card]').count()).toBe(1)
    expect(await card.textContent()).toContain('¥128,000.00')
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await shot(page, 'phone-cards')
    await card.click()
    await page.waitForSelector('[data-test=record-drawer]')
    const drawer = await page.locator('[data-test=record-drawer]').boundingBox()
    expect(drawer?.width).toBeGreaterThanOrEqual(389)
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=record-drawer]', { state: 'detached' })
  })

  it('should scroll the pipeline board sideways, lane by lane', async () => {
    await page.fill('input[data-test=view-search], [data-test=view-search] input', '')
    await page.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
    const board = page.locator('[data-test=kanban-board]')
    await board.waitFor()
    expect(await board.evaluate(el => getComputedStyle(el).scrollSnapType)).toContain('x')
    expect(await board.evaluate(el => el.scrollWidth > el.clientWidth)).toBe(true)
    await shot(page, 'phone-kanban')
  })

  it('should show the app home and the dashboard without sideways scrolling of the page', async () => {
    await page.goto(`${session.baseUrl}#/app/${appId}`)
    await page.waitForSelector('[data-test=funnel-overview]')
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await shot(page, 'phone-app-home')
  })

  it('should open the stage settings full screen, scroll the stage table sideways and save with the button in reach', async () => {
    await page.locator('[data-test=stage-settings]:visible').first().click()
    const dialog = page.locator('[data-test=stage-editor]')
    await dialog.waitFor()
    const box = await dialog.boundingBox()
    expect(box!.width).toBeLessThanOrEqual(390)
    const table = dialog.locator('[data-test=stage-table]')
    expect(await table.evaluate(el => el.scrollWidth > el.clientWidth)).toBe(true)
    const stalled = dialog.locator('[data-test=stage-row]').first().locator('[data-test=stage-stalled] input')
    await stalled.fill('21')
    await stalled.press('Tab')
    const save = dialog.locator('[data-test=stage-save]')
    const right = await save.evaluate(el => el.getBoundingClientRect().right)
    expect(right).toBeLessThanOrEqual(390)
    await shot(page, 'phone-stage-settings')
    await save.click()
    await dialog.waitFor({ state: 'detached' })
    await page.locator('[data-test=stage-settings]:visible').first().click()
    await expect.poll(() => page.locator('[data-test=stage-editor] [data-test=stage-row]').first().locator('[data-test=stage-stalled] input').inputValue()).toBe('21')
    await page.keyboard.press('Escape')
  })

  it('should design a form one pane at a time: add a field from the palette, name it, see it on the form', async () => {
    const href = await formHref(page, '商机')
    await page.goto(`${session.baseUrl}#${href}/design`)
    await page.waitForSelector('[data-test=designer]')
    await shot(page, 'phone-designer-form')
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    // one pane fills the width: the form is shown, the palette and the properties are a tap away
    const canvas = page.locator('[data-test=designer-canvas]')
    expect((await canvas.boundingBox())!.width).toBeGreaterThan(340)
    expect(await page.locator('[data-test=designer-palette]').isVisible()).toBe(false)
    await page.click('[data-test=designer-pane-palette]')
    await page.click('[data-test=palette-text]')
    // the new field is selected and its properties open, full width, the name box in reach
    const name = page.locator('input[data-test=prop-label], [data-test=prop-label] input').first()
    await name.waitFor()
    const box = (await name.boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    await name.fill('客户微信号')
    await name.press('Tab')
    await shot(page, 'phone-designer-field')
    await page.click('[data-test=designer-pane-canvas]')
    await expect.poll(() => page.locator('[data-test^="canvas-field-"][data-label="客户微信号"]').isVisible()).toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    // the toolbar keeps to two lines and 保存 is on screen
    const save = (await page.locator('[data-test=designer-save]').boundingBox())!
    expect(save.x + save.width).toBeLessThanOrEqual(390)
    expect((await page.locator('.designer-bar').boundingBox())!.height).toBeLessThanOrEqual(90)
  })
})

describe('tablet width (768×1024)', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession()
    page = await session.open()
    await page.setViewportSize({ width: 768, height: 1024 })
    await installSalesTemplate(page)
  })
  afterAll(async () => session.close())

  it('should keep the sidebar and the nav and fit the record form', async () => {
    expect(await page.locator('.fg-nav').isVisible()).toBe(true)
    expect(await page.locator('[data-test=app-sidebar]').isVisible()).toBe(true)
    await page.locator('[data-test=side-form]', { hasText: '商机' }).click()
    await page.click('[data-test=new-record-form]')
    await page.waitForSelector('[data-test=form-renderer]')
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await shot(page, 'tablet-record-form')
  })
})

describe('desktop width in English (1440×900)', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'en' })
    page = await session.open()
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.click('[data-test=locale-select]')
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'English' }).click()
    await installSalesTemplate(page)
  })
  afterAll(async () => session.close())

  it('should keep the grid page\'s ⋯ menu on the line of its buttons (it wrapped alone)', async () => {
    await page.locator('[data-test=side-form]', { hasText: 'Opportunities' }).click()
    await page.locator('.ag-row').first().waitFor()
    const top = async (sel: string) => (await page.locator(sel).boundingBox())?.y ?? -1
    expect(Math.abs(await top('[data-test=form-more]') - await top('[data-test=add-record]'))).toBeLessThan(8)
  })
})
