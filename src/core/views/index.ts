/**
 * Grid and kanban views: column layout, filter-builder edits, batch operations, kanban lanes,
 * change-log text, links with a filter. Pure TypeScript over plain arrays (no Vue, no grid).
 */
export type { ResolvedColumn, GridColumnState } from './columns'
export { isColumnField, resolveColumns, toViewColumns, captureGridState, moveColumn } from './columns'
export type { Conjunction, ValueShape } from './filter-tree'
export {
  conjunctionOf, itemsOf, withItems, withConjunction, emptyFilter, countConditions,
  valueShapeOf, initialValue, withOp, pruneFilter, andFilters,
} from './filter-tree'
export type { KanbanField, KanbanLane } from './kanban'
export { kanbanFieldsOf, amountFieldsOf, defaultAmountField, defaultKanbanField, kanbanLanes } from './kanban'
export type { BatchAction } from './batch'
export { batchEditableFields, clearedValue, affectedRecords, batchPatches } from './batch'
export type { RouteFilter } from './route-filter'
export { parseRouteFilter } from './route-filter'
export type { ChangeLine, ChangeView } from './change-log'
export { describeChanges } from './change-log'
export { defaultViewOf, newView, putViewTx, deleteViewTx, sameView } from './view-ops'
