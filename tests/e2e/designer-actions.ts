import type { Page } from 'playwright-core'
import { fillField } from './grid-actions'

/** The id of the designer canvas field labelled `label`. */
export async function fieldIdByLabel(page: Page, label: string): Promise<string> {
  const card = page.locator(`[data-test^="canvas-field-"][data-label="${label}"]`).first()
  await card.waitFor()
  const test = await card.getAttribute('data-test')
  return test!.replace('canvas-field-', '')
}

/** Clicks a palette item, then names the new (selected) field in Chinese. */
export async function addDesignerField(page: Page, type: string, label: string): Promise<string> {
  const before = await page.locator('[data-test^="canvas-field-"]').count()
  await page.click(`[data-test=palette-${type}]`)
  await page.locator('[data-test^="canvas-field-"]').nth(before).waitFor()
  await fillField(page, 'prop-label', label)
  return fieldIdByLabel(page, label)
}

/** Picks an option of an Element Plus select by its visible text. */
export async function pick(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector)
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

/** Replaces the whole text of the CodeMirror editor (as typing would). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.click('[data-test=json-editor] .cm-content')
  await page.keyboard.press('Control+A')
  await page.keyboard.insertText(text)
}

/** The whole text of the CodeMirror editor (its document, not only the lines on screen). */
export async function editorText(page: Page): Promise<string> {
  return page.locator('[data-test=json-editor] .cm-content').evaluate((el) => {
    type Doc = { state: { doc: { toString: () => string } } }
    const tile = (el as HTMLElement & { cmTile?: { root?: { view?: Doc } } }).cmTile
    const view = tile?.root?.view
    if (!view) throw new Error('CodeMirror view not found')
    return view.state.doc.toString()
  })
}
