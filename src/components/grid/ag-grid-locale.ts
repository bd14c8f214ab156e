import type { Locale } from '@/core/schema/types'

/**
 * AG Grid's own texts in Chinese: the keys the modules we register use (screen-reader labels of
 * headers, checkboxes and editors, overlays, validation). English is AG Grid's default text. The
 * empty-grid and loading overlays come from our messages (they say what to do next).
 */
const ZH: Record<string, string> = {
  noMatchingRows: '没有匹配的记录',
  loadingError: '出错',
  exportingOoo: '正在导出…',
  invalidDate: '无效的日期',
  invalidNumber: '无效的数字',
  invalidBigInt: '无效的整数',
  invalidSelectionValidation: '选择无效。',
  tooltipValidationErrorSeparator: '。',
  more: '更多',
  thousandSeparator: ',',
  decimalSeparator: '.',
  ariaChecked: '已选中',
  ariaUnchecked: '未选中',
  ariaIndeterminate: '部分选中',
  ariaLabelTooltip: '提示',
  ariaRowSelectAll: '按空格键选择或取消选择全部行',
  ariaRowToggleSelection: '按空格键选择或取消选择此行',
  ariaRowSelect: '按空格键选择此行',
  ariaRowDeselect: '按空格键取消选择此行',
  ariaRowSelectionDisabled: '此行不能选择',
  ariaHeaderSelection: '选择列',
  ariaSortableColumn: '按回车键排序',
  ariaSortableColumnWithCellSelection: '按 Alt+回车键排序',
  ariaMenuColumn: '按 Alt+下箭头打开列菜单',
  ariaLabelColumnMenu: '列菜单',
  ariaColumnGroupExpansion: '按回车键展开或收起此列组',
  ariaCalculatedColumn: '计算列',
  ariaInputEditor: '输入编辑器',
  ariaLabelInputClear: '清除',
  ariaToggleCellValue: '按空格键切换单元格的值',
  ariaValidationErrorPrefix: '单元格校验',
  ariaPendingChange: '待保存的修改',
  ariaHasNote: '此单元格有备注。',
  ariaSkeletonCellLoading: '正在加载行数据',
  ariaSkeletonCellLoadingFailed: '行加载失败',
  ariaDeferSkeletonCellLoading: '单元格正在加载',
}

/** The text AG Grid shows for `key` in `locale`; `own` are ours (overlays), `fallback` AG Grid's English. */
export function agGridText(locale: Locale, key: string, fallback: string, own: Record<string, string>): string {
  return own[key] ?? (locale === 'zh-CN' ? ZH[key] : undefined) ?? fallback
}

/** The keys translated here (tests check none is left in English). */
export const AG_GRID_ZH_KEYS: readonly string[] = Object.keys(ZH)
