import type { Page } from 'playwright-core'

/** Row `row` (0-based, as displayed), column `colId`: the grid cell element. */
export function cell(page: Page, row: number, colId: string) {
  return page.locator(`.ag-row[row-index="${row}"] [col-id="${colId}"]`).first()
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
