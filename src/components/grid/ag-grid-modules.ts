import {
  CellStyleModule,
  CheckboxEditorModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  DateEditorModule,
  EventApiModule,
  LargeTextEditorModule,
  LocaleModule,
  ModuleRegistry,
  NumberEditorModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community'

let registered = false

/**
 * Registers the AG Grid modules the grid uses, once, before any grid is created. Without
 * the editor modules v36 still renders rows but silently refuses edits (STACK.md §4.1).
 */
export function registerGridModules(): void {
  if (registered) return
  registered = true
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    ClientSideRowModelApiModule,
    TextEditorModule,
    LargeTextEditorModule,
    NumberEditorModule,
    DateEditorModule,
    SelectEditorModule,
    CheckboxEditorModule,
    CustomEditorModule,
    CellStyleModule,
    RowStyleModule,
    RowSelectionModule,
    TooltipModule,
    RowApiModule,
    ColumnApiModule,
    RenderApiModule,
    ScrollApiModule,
    EventApiModule,
    // AG Grid's own texts in the UI language (ag-grid-locale.ts, DataGrid's getLocaleText).
    LocaleModule,
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ])
}
