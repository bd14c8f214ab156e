/**
 * Grid editing in real Chromium: renderers, inline edit with refusal, undo/redo, range
 * selection, copy as TSV, fill down, and the acceptance paste (5 x 20 block, 3 bad cells).
 *
 * Clipboard in headless Chromium: copy is checked through the real Ctrl+C key with
 * clipboard-read permission granted (navigator.clipboard.readText). For paste we dispatch a
 * ClipboardEvent('paste') carrying a DataTransfer with text/plain on the focused grid cell —
 * exactly the event a real Ctrl+V delivers — since writing the system clipboard and
 * pressing Ctrl+V is not reliable without a window manager.
 */
import type { Page } from 'playwright-core'
import { confirmRestore } from './app-actions'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gridEditBackup } from '../fixtures/grid-edit'
import { cell, editCell } from './grid-actions'
import { shot, startSession } from './harness'

const COLS = ['name', 'amount', 'prob', 'level', 'stage']

async function openDeals(session: Session): Promise<Page> {
  const page = await session.open('#/settings')
  await page.waitForSelector('[data-test=restore-file]', { state: 'attached' })
  await page.setInputFiles('[data-test=restore-file]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(gridEditBackup())) })
  // The restore reloads the page once the backup is stored.
  await confirmRestore(page)
  await page.waitForSelector('[data-test=backup]')
  await page.goto(`${session.baseUrl}#/app/app1/form/deals`)
  await cell(page, 19, 'name').waitFor()
  return page
}

/** Text of the given columns for rows 0..n-1, as shown. */
async function snapshot(page: Page, n = 20, cols = COLS): Promise<string[][]> {
  // A stage cell's stalled badge is left out: an undone stage move is a new stage entry (the
  // history keeps both moves), so the stall clock restarts while the stage itself is restored.
  return page.evaluate(({ n, cols }) => Array.from({ length: n }, (_, r) => cols.map((c) => {
    const el = document.querySelector(`.ag-row[row-index="${r}"] [col-id="${c}"]`)?.cloneNode(true) as Element | undefined
    el?.querySelector('[data-test=stage-alert]')?.remove()
    return el?.textContent?.trim() ?? '?'
  })), { n, cols })
}

async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const dt = new DataTransfer()
    dt.setData('text/plain', text)
    const target = document.activeElement ?? document.body
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
  }, text)
}

/** 20 rows x 5 columns (name, amount, probability, tier, stage) with three bad cells. */
function acceptanceBlock(lang: 'zh' | 'en'): string {
  const tiers = lang === 'zh' ? ['重点', '普通', '观察'] : ['Key', 'Normal', 'Watch']
  return Array.from({ length: 20 }, (_, i) => [
    i === 7 ? '"Quoted\tname"' : `新商机${i + 1}`,
    i === 3 ? 'abc' : `¥${(i + 1) * 1000}`,
    `${i * 3}%`,
    i === 8 ? '不存在' : tiers[i % 3],
    i === 15 ? 'xyz' : 's3',
  ].join('\t')).join('\r\n')
}

async function focusCell(page: Page, row: number, col: string) {
  await cell(page, row, col).click()
}

/** Scrolls a far-right column into view the way a person would: arrow keys from the first column. */
async function reachColumn(page: Page, row: number, col: string) {
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('col-id'))
  if (!await focused()) await focusCell(page, row, 'name')
  await page.keyboard.press('Home')
  for (let i = 0; i < 20 && await focused() !== col; i++) await page.keyboard.press('ArrowRight')
  for (let i = 0; i < 20 && await page.evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-index')) !== String(row); i++) {
    const at = Number(await page.evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-index')))
    await page.keyboard.press(at < row ? 'ArrowDown' : 'ArrowUp')
  }
}

/** What the acceptance paste should leave in row i (the three bad cells keep `before`). */
function expectedAfterPaste(before: string[][], tiers: string[]): string[][] {
  return before.map((old, i) => [
    i === 7 ? 'Quoted\tname' : `新商机${i + 1}`,
    i === 3 ? old[1]! : `¥${((i + 1) * 1000).toLocaleString('en')}.00`,
    `${i * 3}%`,
    i === 8 ? old[3]! : tiers[i % 3]!,
    i === 15 ? old[4]! : STAGE_S3,
  ])
}
const STAGE_S3 = '需求分析'

describe('grid editing (zh-CN)', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.baseUrl })
    page = await openDeals(session)
  })
  afterAll(async () => session.close())

  it('should draw every field type with its renderer: coloured tags, members, relations, stars', async () => {
    expect(await cell(page, 0, 'level').locator('.fg-tag').textContent()).toBe('重点')
    expect(await cell(page, 0, 'level').locator('.fg-tag').getAttribute('style')).toContain('rgb(239, 68, 68)')
    expect(await cell(page, 0, 'stage').textContent()).toContain('潜在客户识别')
    expect(await cell(page, 1, 'tags').locator('.fg-tag').count()).toBe(2)
    expect(await cell(page, 1, 'owner').textContent()).toContain('李娜')
    // The stage column is wide (its stalled badge), so the relation column is reached by keyboard first.
    await reachColumn(page, 1, 'account')
    await expect.poll(() => cell(page, 1, 'account').textContent()).toContain('小米')
    await reachColumn(page, 0, 'name')
    expect(await cell(page, 0, 'amount').textContent()).toContain('10,000')
    await shot(page, 'grid-edit-tags-zh')
    await reachColumn(page, 3, 'no')
    expect(await cell(page, 3, 'score').locator('.fg-star--on').count()).toBe(3)
    expect(await cell(page, 0, 'files').textContent()).toContain('1')
    expect(await cell(page, 0, 'vip').locator('.fg-check--on').count()).toBe(1)
    expect(await cell(page, 0, 'no').textContent()).toBe('D-001')
    await shot(page, 'grid-edit-right-zh')
    await reachColumn(page, 0, 'name')
  })

  it('should refuse an invalid edit at the cell with a message and keep the old value', async () => {
    const before = await cell(page, 0, 'amount').textContent()
    await editCell(page, 0, 'amount', '十块')
    await expect.poll(() => cell(page, 0, 'amount').getAttribute('class')).toContain('fg-cell-error')
    expect(await page.locator('.el-message--error').last().textContent()).toContain('第 1 行')
    expect(await cell(page, 0, 'amount').textContent()).toBe(before)
  })

  it('should refuse a value the form does not allow with one message naming the row and the column', async () => {
    const before = await cell(page, 1, 'amount').textContent()
    // "-5" parses as a number; the form's minimum 0 refuses it in the records store.
    await editCell(page, 1, 'amount', '-5')
    await expect.poll(() => cell(page, 1, 'amount').getAttribute('class')).toContain('fg-cell-error')
    const refusal = page.locator('.el-message--error', { hasText: '第 2 行' })
    await expect.poll(() => refusal.count()).toBe(1)
    expect(await refusal.textContent()).toContain('“金额”')
    expect(await cell(page, 1, 'amount').textContent()).toBe(before)
  })

  it('should undo and redo an edit with Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z', async () => {
    await editCell(page, 0, 'amount', '12345')
    await expect.poll(() => cell(page, 0, 'amount').textContent()).toContain('12,345')
    await expect.poll(() => cell(page, 0, 'amount').getAttribute('class')).not.toContain('fg-cell-error')
    await focusCell(page, 5, 'name')
    await page.keyboard.press('Control+z')
    await expect.poll(() => cell(page, 0, 'amount').textContent()).toContain('10,000')
    await page.keyboard.press('Control+y')
    await expect.poll(() => cell(page, 0, 'amount').textContent()).toContain('12,345')
    await page.keyboard.press('Control+z')
    await expect.poll(() => cell(page, 0, 'amount').textContent()).toContain('10,000')
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => cell(page, 0, 'amount').textContent()).toContain('12,345')
    await page.keyboard.press('Control+z')
    await expect.poll(() => cell(page, 0, 'amount').textContent()).toContain('10,000')
  })

  it('should move with Enter down and Tab right after an edit', async () => {
    await editCell(page, 2, 'name', '商机3')
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-index'))).toBe('3')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('col-id'))).toBe('amount')
  })

  it('should select a range with shift+click and shift+arrows and copy it as TSV with Ctrl+C', async () => {
    // Right after the previous test's edit, as a quick user would: its row update may land
    // between the clicks that build the range, and must not collapse it.
    await focusCell(page, 0, 'name')
    await cell(page, 1, 'amount').click({ modifiers: ['Shift'] })
    await page.keyboard.press('Shift+ArrowDown')
    await expect.poll(() => page.locator('.ag-cell.fg-range').count()).toBe(6)
    expect(await page.textContent('[data-test=grid-range-size]')).toContain('3 行 × 2 列')
    await shot(page, 'grid-edit-range-zh')
    await page.evaluate(() => navigator.clipboard.writeText(''))
    await page.keyboard.press('Control+c')
    const text = await page.evaluate(() => navigator.clipboard.readText())
    expect(text).toBe('商机1\t¥10,000.00\r\n商机2\t¥20,000.00\r\n商机3\t¥30,000.00')
  })

  it('should fill the range down from its first row with Ctrl+D, as one undo step', async () => {
    await focusCell(page, 0, 'level')
    await cell(page, 3, 'stage').click({ modifiers: ['Shift'] })
    await page.keyboard.press('Control+d')
    await expect.poll(() => snapshot(page, 4, ['level', 'stage'])).toEqual(Array.from({ length: 4 }, () => ['重点', '潜在客户识别']))
    await page.keyboard.press('Control+z')
    await expect.poll(() => snapshot(page, 4, ['level'])).toEqual([['重点'], ['普通'], ['观察'], ['重点']])
  })

  it('should fill down by dragging the range handle', async () => {
    // Go to the last column and back, so the score column is not cut by the grid's right edge.
    await reachColumn(page, 4, 'no')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    const box = (await cell(page, 4, 'score').boundingBox())!
    await page.mouse.move(box.x + box.width - 3, box.y + box.height - 3)
    await page.mouse.down()
    const target = (await cell(page, 6, 'score').boundingBox())!
    await page.mouse.move(target.x + 20, target.y + 10, { steps: 4 })
    await page.mouse.up()
    await expect.poll(() => page.evaluate(() => [5, 6].map(r => document.querySelectorAll(`.ag-row[row-index="${r}"] [col-id="score"] .fg-star--on`).length))).toEqual([4, 4])
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.evaluate(() => [5, 6].map(r => document.querySelectorAll(`.ag-row[row-index="${r}"] [col-id="score"] .fg-star--on`).length))).toEqual([5, 0])
    await reachColumn(page, 0, 'name')
  })

  it('should paste a 5x20 block with 3 bad cells: 97 applied, 3 reported, one Ctrl+Z reverts all', async () => {
    const before = await snapshot(page)
    await focusCell(page, 0, 'name')
    await pasteText(page, acceptanceBlock('zh'))
    await page.waitForSelector('[data-test=paste-report]')
    expect(await page.locator('[data-test=paste-problem]').count()).toBe(3)
    expect(await page.textContent('[data-test=paste-report-summary]')).toContain('已写入 97 个单元格，3 个单元格被跳过')
    const problems = await page.locator('[data-test=paste-problem]').allTextContents()
    expect(problems[0]).toMatch(/^4金额abc/)
    expect(problems[1]).toMatch(/^9级别不存在/)
    expect(problems[2]).toMatch(/^16阶段xyz/)
    await shot(page, 'grid-edit-paste-report-zh')
    await page.click('[data-test=paste-report-close]')
    const after = await snapshot(page)
    expect(after).toEqual(expectedAfterPaste(before, ['重点', '普通', '观察']))
    await page.locator('.ag-cell.fg-range').first().click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => snapshot(page)).toEqual(before)
    await page.keyboard.press('Control+y')
    await expect.poll(() => snapshot(page)).toEqual(after)
  })

  it('should add records when a paste runs past the last row, undone in the same step', async () => {
    await focusCell(page, 19, 'name')
    await pasteText(page, '尾行1\t100\r\n尾行2\t200\r\n尾行3\t300')
    await cell(page, 21, 'name').waitFor()
    expect(await cell(page, 21, 'amount').textContent()).toBe('¥300.00')
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('.ag-row[row-index="20"]').count()).toBe(0)
  })

  it('should edit a select cell through the coloured picker', async () => {
    await cell(page, 2, 'level').dblclick()
    await page.waitForSelector('[data-test=pick-editor]')
    await page.click('[data-test=pick-a]')
    await expect.poll(() => cell(page, 2, 'level').textContent()).toBe('重点')
  })
})

describe('grid editing (en)', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'en' })
    page = await openDeals(session)
  })
  afterAll(async () => session.close())

  it('should show tags, a range and the paste report in English', async () => {
    expect(await cell(page, 0, 'level').textContent()).toBe('Key')
    await shot(page, 'grid-edit-tags-en')
    await focusCell(page, 0, 'name')
    await cell(page, 4, 'stage').click({ modifiers: ['Shift'] })
    await expect.poll(() => page.locator('.ag-cell.fg-range').count()).toBe(25)
    await shot(page, 'grid-edit-range-en')
    await pasteText(page, acceptanceBlock('en'))
    await page.waitForSelector('[data-test=paste-report]')
    expect(await page.textContent('[data-test=paste-report-summary]')).toContain('97 cells written, 3 cells skipped')
    await shot(page, 'grid-edit-paste-report-en')
    await page.click('[data-test=paste-report-close]')
    expect(session.errors).toEqual([])
  })
})
