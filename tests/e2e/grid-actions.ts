import type { Page } from 'playwright-core'

/** Row `row` (0-based, as displayed), column `colId`: the grid cell element. */
export function cell(page: Page, row: number, colId: string) {
  return page.locator(`.ag-row[row-index="${row}"] [col-id="${colId}"]`).first()
}

/** The trimmed text of a cell, as displayed. */
export async function cellText(page: Page, row: number, colId: string): Promise<string> {
  return ((await cell(page, row, colId).textContent()) ?? '').trim()
}

/** Opens a form's grid at `path` (optionally filtered through the URL) and waits for its rows or its empty state. */
export async function openGrid(page: Page, path: string, filter?: unknown): Promise<void> {
  const query = filter ? `?filter=${encodeURIComponent(JSON.stringify({ and: [filter] }))}` : ''
  await page.goto(`${new URL(page.url()).origin}/#${path}${query}`)
  if (filter) await page.waitForSelector('[data-test=route-filter-chip]')
  await page.locator('.ag-row').or(page.locator('[data-test=grid-empty]')).first().waitFor({ timeout: 30_000 })
}

/** Double-clicks a cell, types a value, presses Enter (the way a person edits). */
export async function editCell(page: Page, row: number, colId: string, text: string): Promise<void> {
  await cell(page, row, colId).dblclick()
  const editor = page.locator('.ag-cell-inline-editing input, .ag-cell-inline-editing textarea, .ag-popup-editor textarea').first()
  await editor.waitFor()
  await editor.fill(text)
  await editor.press('Enter')
}

/** Field ids of the grid's columns, by header text. */
export async function colIdByHeader(page: Page, header: string): Promise<string> {
  const el = page.locator('.ag-header-cell', { hasText: header }).first()
  const id = await el.getAttribute('col-id')
  if (!id) throw new Error(`No column headed ${header}`)
  return id
}

/** Fills an Element Plus input or textarea by its data-test id (the attribute may land on the inner element). */
export async function fillField(page: Page, testId: string, text: string): Promise<void> {
  await page.locator(`input[data-test="${testId}"], textarea[data-test="${testId}"], [data-test="${testId}"] input, [data-test="${testId}"] textarea`).first().fill(text)
}
