/**
 * How each field type looks and is edited in the grid: one renderer and one editor per type,
 * as an exhaustive map, so a new field type does not compile until it has both (STYLE §4.3
 * rule 3; the pure behaviours live in core/fields/registry.ts).
 */
import type { Component } from 'vue'
import type { FieldType } from '@/core/schema/types'
import FieldCheckboxCell from './FieldCheckboxCell.vue'
import FieldFilesCell from './FieldFilesCell.vue'
import FieldPickEditor from './FieldPickEditor.vue'
import FieldRatingCell from './FieldRatingCell.vue'
import FieldScoreCell from './FieldScoreCell.vue'
import FieldTagsCell from './FieldTagsCell.vue'
import FieldTextEditor from './FieldTextEditor.vue'

/** AG Grid's own editors that some types use. */
export type BuiltInEditor = 'agLargeTextCellEditor' | 'agCheckboxCellEditor'

/** The grid side of one field type. */
export interface FieldUi {
  /** Cell renderer; null shows the type's formatted text (fast, no component per cell). */
  Cell: Component | null
  /** Cell editor; null means the type is not edited in the grid (computed, files, layout). */
  Editor: Component | BuiltInEditor | null
  /** The editor gives text that the grid coerces with the type's parseText. */
  parse: boolean
  /** Text alignment of the cell. */
  align: 'left' | 'right' | 'center'
  /** Initial column width in px (default 160). */
  width?: number
}

const text: FieldUi = { Cell: null, Editor: FieldTextEditor, parse: true, align: 'left' }
const numeric: FieldUi = { ...text, align: 'right' }
const pick: FieldUi = { Cell: FieldTagsCell, Editor: FieldPickEditor, parse: false, align: 'left' }
const readOnly: FieldUi = { Cell: null, Editor: null, parse: false, align: 'left' }
const files: FieldUi = { Cell: FieldFilesCell, Editor: null, parse: false, align: 'left' }

/** The renderer and editor of every field type. */
export const fieldUi: { readonly [T in FieldType]: FieldUi } = {
  text,
  textarea: { ...text, Editor: 'agLargeTextCellEditor', width: 240 },
  number: numeric,
  money: numeric,
  percent: numeric,
  date: text,
  select: pick,
  multiselect: { ...pick, width: 200 },
  checkbox: { Cell: FieldCheckboxCell, Editor: 'agCheckboxCellEditor', parse: false, align: 'center', width: 90 },
  rating: { Cell: FieldRatingCell, Editor: FieldTextEditor, parse: true, align: 'left', width: 120 },
  member: pick,
  relation: { ...pick, width: 180 },
  lookup: readOnly,
  rollup: { ...readOnly, align: 'right' },
  formula: readOnly,
  score: { ...readOnly, Cell: FieldScoreCell, align: 'right', width: 110 },
  serial: readOnly,
  attachment: { ...files, width: 100 },
  image: { ...files, width: 100 },
  subform: readOnly,
  address: text,
  phone: text,
  email: text,
  url: text,
  stage: pick,
  separator: readOnly,
  description: readOnly,
  createdAt: readOnly,
  updatedAt: readOnly,
  createdBy: { ...readOnly, Cell: FieldTagsCell },
  updatedBy: { ...readOnly, Cell: FieldTagsCell },
}
