/**
 * Rectangular cell ranges of a grid, in display coordinates: `row` is the displayed row
 * index, `col` the index among the displayed (editable or not) columns. Pure index maths.
 */

/** One cell position. */
export interface CellPos {
  row: number
  col: number
}

/** An inclusive rectangle of cells; always normalised (top <= bottom, left <= right). */
export interface CellRange {
  top: number
  left: number
  bottom: number
  right: number
}

/** The rectangle spanned by an anchor cell and the cell the selection was extended to. */
export function rangeBetween(anchor: CellPos, end: CellPos): CellRange {
  return {
    top: Math.min(anchor.row, end.row),
    bottom: Math.max(anchor.row, end.row),
    left: Math.min(anchor.col, end.col),
    right: Math.max(anchor.col, end.col),
  }
}

/** True when the cell lies inside the range. */
export function rangeContains(range: CellRange, pos: CellPos): boolean {
  return pos.row >= range.top && pos.row <= range.bottom && pos.col >= range.left && pos.col <= range.right
}

/** Number of rows and columns of a range. */
export function rangeSize(range: CellRange): { rows: number, cols: number } {
  return { rows: range.bottom - range.top + 1, cols: range.right - range.left + 1 }
}

/** True when the range is one cell. */
export function isSingleCell(range: CellRange): boolean {
  return range.top === range.bottom && range.left === range.right
}

/** Moves a cell by a step, kept inside a grid of `rows` x `cols` (both at least 1). */
export function stepCell(pos: CellPos, dRow: number, dCol: number, rows: number, cols: number): CellPos {
  return {
    row: Math.max(0, Math.min(rows - 1, pos.row + dRow)),
    col: Math.max(0, Math.min(cols - 1, pos.col + dCol)),
  }
}

/** The range cut to a grid of `rows` x `cols`; undefined when nothing of it is left. */
export function clampRange(range: CellRange, rows: number, cols: number): CellRange | undefined {
  const r = { top: Math.max(0, range.top), left: Math.max(0, range.left), bottom: Math.min(rows - 1, range.bottom), right: Math.min(cols - 1, range.right) }
  return r.top > r.bottom || r.left > r.right ? undefined : r
}

/**
 * Where a pasted block of `blockRows` x `blockCols` lands when the selection is `target`:
 * at the selection's top-left cell, and repeated to fill the selection when the selection is
 * a whole multiple of the block in both directions (Excel's rule: one copied cell pasted on
 * a range fills it).
 */
export function pasteArea(target: CellRange, blockRows: number, blockCols: number): CellRange {
  const size = rangeSize(target)
  const tiles = blockRows > 0 && blockCols > 0 && size.rows % blockRows === 0 && size.cols % blockCols === 0
  const rows = tiles ? size.rows : blockRows
  const cols = tiles ? size.cols : blockCols
  return { top: target.top, left: target.left, bottom: target.top + rows - 1, right: target.left + cols - 1 }
}
