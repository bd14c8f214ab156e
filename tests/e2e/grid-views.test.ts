import type { Page } from 'playwright-core'
import { confirmRestore } from './app-actions'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cell, colIdByHeader } from './grid-actions'
import { gridViewsBackup } from '../fixtures/grid-views'
import { shot, startSession } from './harness'

/** Restores the twelve-deal workspace through the settings page and opens the deals grid. */
export async function openDeals(session: Session): Promise<Page> {
  const page = await session.open('#/settings')
  await page.waitForSelector('[data-test=restore-file]', { state: 'attached' })
  await page.setInputFiles('[data-test=restore-file]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(gridViewsBackup())) })
  // The restore reloads the page once the backup is stored: wait for that reload, not the old page.
  await confirmRestore(page)
  await page.waitForSelector('[data-test=backup]')
  await page.goto(`${session.baseUrl}#/app/crm/form/opps`)
  await page.waitForSelector('.ag-row')
  return page
}

/** Picks an option of the Element Plus select whose trigger matches `trigger`. */
export async function pick(page: Page, trigger: string, option: string): Promise<void> {
  await page.locator(trigger).last().click()
  await page.locator('.el-select-dropdown__item:visible, .el-select-dropdown li:visible', { hasText: option }).first().click()
}

export const countText = async (page: Page) => (await page.textContent('[data-test=record-count]'))?.trim() ?? ''

describe('grid views: filter, sort, columns, saved views, batch, recycle bin, kanban, drawer (zh-CN)', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await openDeals(session)
  })
  afterAll(async () => session.close())

  it('should show "x of y records" for the whole form', async () => {
    expect(await countText(page)).toBe('显示 12 / 共 12 条记录')
  })

  it('should filter, sort and hide a column, then keep all of it in the saved view after a reload', async () => {
    await page.click('[data-test=filter-button]')
    await page.click('[data-test=filter-add]')
    await pick(page, '[data-test=filter-field]', '金额')
    await pick(page, '[data-test=filter-op]', '大于等于')
    const value = page.locator('[data-test=filter-value] input, input[data-test=filter-value]').last()
    await value.fill('50000')
    await value.press('Enter')
    await expect.poll(() => countText(page)).toBe('显示 8 / 共 12 条记录')
    await page.click('[data-test=filter-add-group]')
    const group = page.locator('[data-test=filter-group] [data-test=filter-group]')
    await pick(page, '[data-test=filter-group] [data-test=filter-group] [data-test=filter-field]', '行业')
    await pick(page, '[data-test=filter-group] [data-test=filter-group] [data-test=filter-op]', '等于任意一个')
    await group.locator('[data-test=filter-value]').last().click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '制造业' }).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '互联网' }).click()
    await expect.poll(() => countText(page)).toBe('显示 5 / 共 12 条记录')
    await shot(page, 'grid-views-filter-builder-zh')
    await page.keyboard.press('Escape')
    await page.locator('[data-test=form-title]').click()

    await page.click('[data-test=sort-button]')
    await page.click('[data-test=sort-add]')
    await pick(page, '[data-test=sort-field]', '金额')
    await page.locator('[data-test=sort-dir] label', { hasText: '降序' }).click()
    await page.locator('[data-test=form-title]').click()
    const title = await colIdByHeader(page, '商机名称')
    await expect.poll(() => cell(page, 0, title).textContent()).toBe('网易')

    await page.click('[data-test=columns-button]')
    await page.locator('[data-test=column-row][data-field=owner] [data-test=column-visible]').click()
    await page.locator('[data-test=form-title]').click()
    await expect.poll(() => page.locator('.ag-header-cell[col-id=owner]').count()).toBe(0)
    await shot(page, 'grid-views-filtered-zh')

    expect(await page.locator('[data-test=view-save]').count()).toBe(1)
    await page.click('[data-test=view-save]')
    await expect.poll(() => page.locator('[data-test=view-save]').count()).toBe(0)
    await page.reload()
    await page.waitForSelector('.ag-row')
    expect(await countText(page)).toBe('显示 5 / 共 12 条记录')
    expect(await cell(page, 0, title).textContent()).toBe('网易')
    expect(await page.locator('.ag-header-cell[col-id=owner]').count()).toBe(0)
    expect(await page.textContent('[data-test=filter-button]')).toContain('2')
  })

  it('should set a field on all filtered records after previewing how many change', async () => {
    await page.click('[data-test=batch-button]')
    await page.click('[data-test=batch-scope-filtered]')
    await pick(page, '[data-test=batch-field]', '行业')
    await pick(page, '[data-test=batch-value]', '零售')
    expect(await page.textContent('[data-test=batch-preview]')).toContain('将修改 5 条记录')
    await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' })
    await shot(page, 'grid-views-batch-zh')
    await page.click('[data-test=batch-run]')
    await expect.poll(() => page.locator('[data-test=batch-dialog]').count()).toBe(0)
    // The view filters 制造业/互联网, so every changed record leaves it.
    await expect.poll(() => countText(page)).toBe('显示 0 / 共 12 条记录')
    await page.click('[data-test=filter-button]')
    await page.click('[data-test=filter-clear]')
    await page.locator('[data-test=form-title]').click()
    await expect.poll(() => countText(page)).toBe('显示 12 / 共 12 条记录')
    await page.click('[data-test=view-save]')
  })

  it('should move a deleted record to the recycle bin and restore it', async () => {
    await page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input').first().click()
    await page.click('[data-test=delete-selected]')
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await expect.poll(() => countText(page)).toBe('显示 11 / 共 11 条记录')
    await page.click('[data-test=recycle-bin-button]')
    await expect.poll(() => page.locator('[data-test=trash-row]').count()).toBe(1)
    expect(await page.textContent('[data-test=trash-row]')).toContain('网易')
    await page.click('[data-test=trash-restore]')
    await page.waitForSelector('[data-test=trash-empty]')
    await page.keyboard.press('Escape')
    await expect.poll(() => countText(page)).toBe('显示 12 / 共 12 条记录')
  })

  it('should drag a kanban card to another stage and show the change in the record log', async () => {
    await page.click('[data-test=view-new]')
    await page.click('[data-test=view-new-kanban]')
    await page.click('[data-test=name-submit]')
    await page.waitForSelector('[data-test=kanban-board]')
    const lane = (key: string) => page.locator(`[data-test=kanban-lane][data-lane="${key}"]`)
    expect(await lane('s1').locator('[data-test=kanban-count]').textContent()).toBe('4')
    await shot(page, 'grid-views-kanban-zh')
    const card = lane('s1').locator('[data-test=kanban-card]', { hasText: '华为' })
    await card.dragTo(lane('s2').locator('.kl-cards'))
    await expect.poll(() => lane('s2').locator('[data-test=kanban-count]').textContent()).toBe('5')
    expect(await lane('s1').locator('[data-test=kanban-count]').textContent()).toBe('3')
    await lane('s1').locator('[data-test=kanban-card]', { hasText: '美的' }).dragTo(lane('won').locator('.kl-cards'))
    await expect.poll(() => page.locator('.el-message--error').last().textContent()).toContain('无法移到“成交与签约”')
    expect(await page.locator('.el-message--error').last().textContent()).toContain('合同编号')
    expect(await lane('s1').locator('[data-test=kanban-card]', { hasText: '美的' }).count()).toBe(1)
    expect(await lane('won').locator('[data-test=kanban-count]').textContent()).toBe('0')
    await lane('s2').locator('[data-test=kanban-card]', { hasText: '华为' }).click()
    await page.waitForSelector('[data-test=record-drawer]')
    await page.locator('.el-tabs__item', { hasText: '修改记录' }).click()
    await expect.poll(() => page.locator('[data-test=change-line]').first().textContent()).toContain('阶段')
    const line = await page.locator('[data-test=change-line]').first().textContent()
    expect(line).toContain('潜在客户识别')
    expect(line).toContain('接触和交流')
    expect(await page.locator('[data-test=change-entry]').first().textContent()).toContain('王芳')
    await shot(page, 'grid-views-drawer-zh')
    await page.locator('.el-tabs__item', { hasText: '阶段历程' }).click()
    await expect.poll(() => page.locator('[data-test=stage-timeline-entry]').count()).toBe(2)
    expect(await page.locator('[data-test=stage-timeline-entry]').last().getAttribute('data-stage')).toBe('s2')
    await page.keyboard.press('Escape')
  })

  it('should show exactly the records of a dashboard link with a removable chip', async () => {
    const filter = { and: [{ field: 'stage', op: 'eq', value: 's3' }] }
    await page.goto(`${session.baseUrl}#/app/crm/form/opps?filter=${encodeURIComponent(JSON.stringify(filter))}`)
    await page.click('[data-test=view-tab][data-view=all]')
    await page.waitForSelector('[data-test=route-filter-chip]')
    await expect.poll(() => countText(page)).toBe('显示 4 / 共 12 条记录')
    await page.click('[data-test=route-filter-remove]')
    await expect.poll(() => countText(page)).toBe('显示 12 / 共 12 条记录')
    expect(await page.locator('[data-test=route-filter-chip]').count()).toBe(0)
  })
})

describe('grid views in English: filter builder, groups, drawer, kanban', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'en' })
    page = await openDeals(session)
  })
  afterAll(async () => session.close())

  it('should filter by stage with the builder and group by industry with per-group count and sum', async () => {
    await page.click('[data-test=filter-button]')
    await page.click('[data-test=filter-add]')
    await pick(page, '[data-test=filter-field]', 'Stage')
    await pick(page, '[data-test=filter-op]', 'is any of')
    await page.locator('[data-test=filter-value]').last().click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'Prospecting' }).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'Contact' }).click()
    await page.click('[data-test=filter-add]')
    await pick(page, '[data-test=filter-field] >> nth=1', 'Expected close')
    await pick(page, '[data-test=filter-op] >> nth=1', 'in the last N days')
    await page.locator('[data-test=filter-remove]').last().click()
    await expect.poll(() => countText(page)).toBe('8 of 12 records')
    await shot(page, 'grid-views-filter-builder-en')
    await page.keyboard.press('Escape')
    await page.locator('[data-test=form-title]').click()

    await page.click('[data-test=group-button]')
    await pick(page, '[data-test=group-field]', 'Industry')
    await pick(page, '[data-test=group-sum]', 'Amount')
    await page.locator('[data-test=form-title]').click()
    const chips = page.locator('[data-test=group-chip]')
    await expect.poll(() => chips.count()).toBe(3)
    expect(await chips.nth(0).textContent()).toContain('Manufacturing')
    // Manufacturing deals are all in s1: 华为 10 000, 美的 40 000, 联想 70 000, 京东 100 000.
    expect(await chips.nth(0).locator('[data-test=group-count]').textContent()).toBe('4 records')
    expect(await chips.nth(0).locator('[data-test=group-sum-value]').textContent()).toContain('220,000')
    // Internet deals are all in s3, filtered out: the option still shows, with 0.
    expect(await chips.nth(2).locator('[data-test=group-count]').textContent()).toBe('0 records')
    await chips.nth(1).click()
    await expect.poll(() => countText(page)).toBe('4 of 12 records')
    await page.click('[data-test=group-all]')
    await expect.poll(() => countText(page)).toBe('8 of 12 records')
    await shot(page, 'grid-views-filtered-en')
  })

  it('should open a record in the drawer and save an edit from it', async () => {
    await page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input').first().click()
    await page.click('[data-test=open-details]')
    await page.waitForSelector('[data-test=record-drawer]')
    await page.locator('[data-test=record-drawer] input[data-test=input-contract]').fill('HT-001')
    await page.click('[data-test=drawer-save]')
    await expect.poll(() => page.locator('.ag-row[row-index="0"] [col-id=contract]').textContent()).toBe('HT-001')
    await shot(page, 'grid-views-drawer-en')
    await page.locator('.el-tabs__item', { hasText: 'Change log' }).click()
    await expect.poll(() => page.locator('[data-test=change-line]').first().textContent()).toContain('Contract no.')
    await page.keyboard.press('Escape')
  })

  it('should show a kanban with per-column count and sum', async () => {
    await page.click('[data-test=view-new]')
    await page.click('[data-test=view-new-kanban]')
    await page.click('[data-test=name-submit]')
    await page.waitForSelector('[data-test=kanban-board]')
    const lane = page.locator('[data-test=kanban-lane][data-lane=s3]')
    // The new kanban starts without the grid view's filter: all twelve deals.
    expect(await lane.locator('[data-test=kanban-count]').textContent()).toBe('4')
    expect(await lane.locator('[data-test=kanban-sum]').textContent()).toContain('300,000')
    await page.locator('[data-test=kanban-lane][data-lane=lost] [data-test=kanban-toggle]').click()
    await shot(page, 'grid-views-kanban-en')
  })
})
