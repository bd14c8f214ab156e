import type { GridApi, IHeaderComp, IHeaderParams } from 'ag-grid-community'

/** Params of the select-all header: the checkbox's accessible label. */
export interface SelectAllHeaderParams extends IHeaderParams {
  label?: string
}

/**
 * The header checkbox of the row selection column: checked when every row is selected,
 * indeterminate when some are; a click selects all rows or, when all are selected, none.
 * Replaces AG Grid's own header checkbox, which walks every row node twice on each model
 * update (two thirds of an edit's cost at 100k rows); this one counts the selection (kept by
 * AG Grid) against the displayed row count, O(selected).
 */
export class SelectAllHeader implements IHeaderComp {
  private gui!: HTMLElement
  private wrapper!: HTMLElement
  private input!: HTMLInputElement
  private api!: GridApi
  private readonly update = (): void => this.refreshState()

  init(params: SelectAllHeaderParams): void {
    this.api = params.api
    this.gui = document.createElement('div')
    this.gui.className = 'fg-select-all'
    this.wrapper = document.createElement('div')
    this.wrapper.className = 'ag-wrapper ag-input-wrapper ag-checkbox-input-wrapper'
    this.input = document.createElement('input')
    this.input.type = 'checkbox'
    this.input.className = 'ag-input-field-input ag-checkbox-input'
    this.input.dataset.test = 'grid-select-all'
    if (params.label) this.input.setAttribute('aria-label', params.label)
    this.input.addEventListener('click', (e) => {
      e.stopPropagation()
      if (this.state() === true) this.api.deselectAll()
      else this.api.selectAll()
    })
    this.wrapper.append(this.input)
    this.gui.append(this.wrapper)
    for (const type of ['selectionChanged', 'modelUpdated'] as const) this.api.addEventListener(type, this.update)
    this.refreshState()
  }

  /** true: all rows selected; null: some; false: none (or no rows). */
  private state(): boolean | null {
    const total = this.api.getDisplayedRowCount()
    const selected = this.api.getSelectedNodes().length
    if (selected === 0 || total === 0) return false
    return selected >= total ? true : null
  }

  private refreshState(): void {
    if (this.api.isDestroyed()) return
    const state = this.state()
    this.input.checked = state === true
    this.input.indeterminate = state === null
    this.input.disabled = this.api.getDisplayedRowCount() === 0
    this.wrapper.classList.toggle('ag-checked', state === true)
    this.wrapper.classList.toggle('ag-indeterminate', state === null)
    this.wrapper.classList.toggle('ag-disabled', this.input.disabled)
  }

  getGui(): HTMLElement {
    return this.gui
  }

  refresh(): boolean {
    this.refreshState()
    return true
  }

  destroy(): void {
    if (this.api.isDestroyed()) return
    for (const type of ['selectionChanged', 'modelUpdated'] as const) this.api.removeEventListener(type, this.update)
  }
}
