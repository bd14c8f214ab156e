/**
 * The persisted document types of FunnelGrid. These are the TypeScript side of the
 * JSON Schemas in /schemas; tests/unit/core/schema/schema-sync.test.ts fails when the two drift.
 */
import type { WidgetConfigs, WidgetType } from '../dashboard/config-types'
import type { CompareOp, Filter } from './filter'
import type { AutomationDef } from '../automations/types'

/** Current version of every persisted document. Bump together with a migration step. */
export const SCHEMA_VERSION = 1

/** A user-visible label: a plain string, or one per locale. */
export type Label = string | { 'zh-CN'?: string, 'en'?: string }

export type Locale = 'zh-CN' | 'en'

/** Props shared by every field type. `id` is stable forever; `label` may change. */
export interface FieldBase {
  id: string
  label: Label
  required?: boolean
  unique?: boolean
  default?: DefaultValue
  description?: Label
  /** Show the field only when this filter holds for the record. */
  visibleWhen?: Filter
  readOnly?: boolean
  /** Columns the field spans in a 4-column form layout. */
  width?: 1 | 2 | 3 | 4
}

/** A default value: a literal, or a dynamic one evaluated when a record is created. */
export type DefaultValue
  = | { kind: 'static', value: unknown }
    | { kind: 'now' }
    | { kind: 'currentMember' }
    | { kind: 'formula', expression: string }

export interface SelectOption {
  /** Stable value stored in records. */
  id: string
  label: Label
  color?: string
}

export interface StageOption extends SelectOption {
  /** open: a pipeline stage; won / lost: terminal outcomes. */
  kind: 'open' | 'won' | 'lost'
  /** Default win probability 0..100 for records in this stage. */
  probability?: number
  /**
   * Open stages: the default forecast category of its deals (absent: `pipeline`). Won stages are
   * always `closed` and lost ones `omitted`, whatever this says (`stageForecastCategory`).
   */
  forecastCategory?: ForecastCategory
  /** Field ids that must be filled before a record may enter this stage. */
  gate?: string[]
  /** Open records staying longer than this many days are "stalled". */
  stalledAfterDays?: number
  /**
   * Open stages: the expected conversion to the next step (the next open stage, or won), in
   * percent 0..100. Funnel and conversion widgets flag a stage below it (see docs/architecture.md
   * "Stage targets"); a value outside 0..100 is kept so the form still loads, and those widgets
   * name it instead of drawing.
   */
  targetRate?: number
  /** Open stages: the longest acceptable median time in the stage, in days. */
  targetDays?: number
}

/**
 * Several pipelines in one stage field (新客户 / 续约 / 渠道): the select field `field` of the same
 * form says which pipeline a record belongs to, and each pipeline uses its own set of the field's
 * stages. A record whose pipeline value is empty, or names an option without a set, belongs to
 * the first set's pipeline (the default). See docs/architecture.md "Several pipelines".
 */
export interface StagePipelines {
  /** A select field of the same form: its options are the pipelines. */
  field: string
  /** One per pipeline, in switcher order: the option id and the ids of its stages (stage order is the field's). */
  sets: PipelineStageSet[]
}

/**
 * Snoozing stalled deals: the fields of the same form that hold a deal's snooze. A deal whose
 * `untilField` date is after today is snoozed: it is not stalled (stalled table, "became stalled"
 * automations) until that day. See docs/architecture.md "Stalled deals and snooze".
 */
export interface StageSnooze {
  /** A date field: the resume date (snoozed while it is after today). */
  untilField: string
  /** A text, textarea or select field: why the deal is snoozed. */
  reasonField?: string
}

/** A deal's forecast category: the option ids of a stage field's forecast category field. */
export type ForecastCategory = 'pipeline' | 'bestCase' | 'commit' | 'closed' | 'omitted'

/**
 * Forecast settings of a stage field: the fields of the same form holding a deal's forecast
 * category and which of its forecast values were set by hand. The probability field
 * (`probabilityField`) and the category field follow the stage's defaults on create and on every
 * stage change, except the ones the manual field lists. See docs/architecture.md "Forecast".
 */
export interface StageForecast {
  /**
   * A multiselect field with the options `probability` and `category`: which of the deal's
   * forecast values were set by hand (kept across stage changes until reset).
   */
  manualField: string
  /** A select field whose option ids are the forecast categories (pipeline, bestCase, commit, closed, omitted). */
  categoryField?: string
}

export interface PipelineStageSet {
  /** An option id of the pipeline field. */
  pipeline: string
  /** Ids of the field's stages this pipeline uses: at least one open and one won. */
  stages: string[]
}

/**
 * Lead scoring (a `score` field): the sum of the points of the rules whose condition holds for
 * the record, plus the learned points of its values. Computed on every write like a formula;
 * the stored value is that number. See docs/architecture.md "Lead scoring".
 */
export interface ScoreOptions {
  rules: ScoreRule[]
  learned?: ScoreLearned
}

/** Points given when `when` (the shared filter language) holds for the record. */
export interface ScoreRule {
  id: string
  when: Filter
  /** Whole points, may be negative. */
  points: number
}

/**
 * Learned points: each value of `fields` earns points from the win rate of the closed deals
 * holding it against the win rate of all closed deals of `stageField` (the form's own history).
 * `table` is the learned result, kept with the definition so every write scores the same way;
 * the designer's "learn" rebuilds it.
 */
export interface ScoreLearned {
  /** A stage field of the same form: won / lost decide the outcome. */
  stageField: string
  /** Select, member, relation, text or checkbox fields whose values earn points. */
  fields: string[]
  /** Values with fewer closed deals than this earn no points (default 30). */
  minSample?: number
  /** Points per percentage point of lift over the base win rate (default 1). */
  scale?: number
  table?: LearnedValue[]
  /** When the table was learned, epoch ms. */
  learnedAt?: number
}

/** One learned value: its closed deals `n`, of which `won`, and the points it earns. */
export interface LearnedValue {
  field: string
  /** The stored value as text (an option, member or record id; text as written). */
  value: string
  won: number
  n: number
  points: number
}

export type FieldDef
  = | { type: 'text', options?: { format?: 'email' | 'phone' | 'url' | 'regex', pattern?: string, maxLength?: number } } & FieldBase
    | { type: 'textarea', options?: { maxLength?: number } } & FieldBase
    | { type: 'number', options?: { precision?: number, min?: number, max?: number, thousands?: boolean, unit?: string } } & FieldBase
    | { type: 'money', options?: { currency?: string, precision?: number, min?: number, max?: number } } & FieldBase
    | { type: 'percent', options?: { precision?: number, min?: number, max?: number } } & FieldBase
    | { type: 'date', options?: { granularity?: 'date' | 'datetime' | 'month' } } & FieldBase
    | { type: 'select', options: { choices: SelectOption[], display?: 'dropdown' | 'radio' } } & FieldBase
    | { type: 'multiselect', options: { choices: SelectOption[], display?: 'dropdown' | 'checkbox' } } & FieldBase
    | { type: 'checkbox', options?: Record<string, never> } & FieldBase
    | { type: 'rating', options?: { max?: number } } & FieldBase
    | { type: 'member', options?: { multiple?: boolean } } & FieldBase
    | { type: 'relation', options: { formId: string, multiple?: boolean } } & FieldBase
    | { type: 'lookup', options: { relationField: string, targetField: string } } & FieldBase
    | { type: 'rollup', options: { relationField: string, targetField?: string, fn: 'sum' | 'count' | 'avg' | 'min' | 'max' } } & FieldBase
    | { type: 'score', options: ScoreOptions } & FieldBase
    | { type: 'formula', options: { expression: string, resultType?: 'number' | 'text' | 'date' | 'boolean', precision?: number, /** ISO 4217 code: a number result is an amount in it. */ currency?: string } } & FieldBase
    | { type: 'serial', options: { pattern: string } } & FieldBase
    | { type: 'attachment', options?: { maxSizeMB?: number, accept?: string } } & FieldBase
    | { type: 'image', options?: { maxSizeMB?: number } } & FieldBase
    | { type: 'subform', options: { fields: FieldDef[] } } & FieldBase
    | { type: 'address', options?: { detail?: boolean } } & FieldBase
    | { type: 'phone', options?: Record<string, never> } & FieldBase
    | { type: 'email', options?: Record<string, never> } & FieldBase
    | { type: 'url', options?: Record<string, never> } & FieldBase
  /** `removedStages`: stages deleted after install, kept so stage history can still name them (never valid values). */
    | { type: 'stage', options: { stages: StageOption[], lossReasonField?: string, probabilityField?: string, removedStages?: StageOption[], pipelines?: StagePipelines, snooze?: StageSnooze, forecast?: StageForecast } } & FieldBase
    | { type: 'separator', options?: Record<string, never> } & FieldBase
    | { type: 'description', options?: { text?: Label } } & FieldBase
    | { type: 'createdAt', options?: Record<string, never> } & FieldBase
    | { type: 'updatedAt', options?: Record<string, never> } & FieldBase
    | { type: 'createdBy', options?: Record<string, never> } & FieldBase
    | { type: 'updatedBy', options?: Record<string, never> } & FieldBase

export type FieldType = FieldDef['type']
/** The variant of FieldDef for one type, e.g. `FieldOf<'stage'>`. */
export type FieldOf<T extends FieldType> = Extract<FieldDef, { type: T }>

/** Compares two fields of one record, e.g. payment <= contract amount. Holds when either side is empty. */
export interface FieldComparison {
  field: string
  op: CompareOp
  otherField: string
}

/**
 * A submit rule: the record must match `when` and, when given, `compare`; otherwise
 * `message` is shown and the write is refused.
 */
export interface FormRule {
  id: string
  when: Filter
  compare?: FieldComparison
  message: Label
}

/**
 * A restorable field. `reason` 'typeChange': a copy of a field before its type changed,
 * whose id holds the original values that did not convert unchanged (`sourceFieldId` is the field
 * that changed type).
 */
export interface TrashedField {
  field: FieldDef
  deletedAt: number
  reason?: 'delete' | 'typeChange'
  sourceFieldId?: string
}

/** One entry of a form's schema history. `label` is the field's label at the time. */
export interface SchemaChange {
  at: number
  kind: 'addField' | 'deleteField' | 'restoreField' | 'renameField' | 'changeType' | 'changeOptions' | 'removeOption' | 'moveField' | 'editField' | 'editForm'
  fieldId?: string
  label?: Label
  from?: string
  to?: string
}

/** A form (表单): ordered fields plus settings. Its records are its rows. */
export interface FormDef {
  schemaVersion: number
  id: string
  appId: string
  name: Label
  fields: FieldDef[]
  /** Field whose value names a record (relation pickers, kanban cards). */
  titleField?: string
  /** Submit rules: a filter that must hold, with a message when it does not. */
  rules?: FormRule[]
  /** Fields deleted but restorable, with their values kept in the records. */
  trash?: TrashedField[]
  /** Schema history: what changed in the definition and when, newest last (capped). */
  history?: SchemaChange[]
  /** Serial fields: field id -> the last number handed out (never reused, never decreases). */
  serialCounters?: Record<string, number>
  createdAt: number
  updatedAt: number
}

export interface ViewColumn {
  field: string
  width?: number
  hidden?: boolean
  pinned?: 'left' | 'right'
}

export interface SortKey { field: string, dir: 'asc' | 'desc' }

/** A saved grid (or kanban) configuration of one form. */
export interface ViewDef {
  schemaVersion: number
  id: string
  formId: string
  name: Label
  kind?: 'grid' | 'kanban'
  columns?: ViewColumn[]
  filter?: Filter
  sort?: SortKey[]
  groupBy?: string
  /** With groupBy: the number field summed per group. */
  groupSum?: string
  search?: string
  /** Kanban: the select/stage field giving the columns, and the summed amount field. */
  kanban?: { field: string, amountField?: string, cardFields?: string[], collapsed?: string[] }
  /** Several pipelines: the pipeline shown, `<stage field id>:<pipeline option id>` (absent: all on a grid, the first on a kanban). */
  pipeline?: string
}

export interface WidgetLayout { x: number, y: number, w: number, h: number }

/** Props shared by every widget type. */
export interface WidgetBase {
  id: string
  title?: Label
  layout: WidgetLayout
}

/**
 * A dashboard widget: a discriminated union on `type`, each variant carrying its own typed
 * `config` (src/core/dashboard/config-types.ts). Switch on `type` to narrow `config`.
 */
export type WidgetDef = {
  [T in WidgetType]: WidgetBase & { type: T, config: WidgetConfigs[T] }
}[WidgetType]

export interface DashboardFilterDef {
  id: string
  kind: 'dateRange' | 'member' | 'select'
  label?: Label
  /** Per form: which field the filter applies to. */
  targets: { formId: string, field: string }[]
  default?: unknown
}

export interface DashboardDef {
  schemaVersion: number
  id: string
  appId: string
  name: Label
  widgets: WidgetDef[]
  filters?: DashboardFilterDef[]
  createdAt: number
  updatedAt: number
}

/** An app (应用): a named bundle of forms and dashboards, ordered in its sidebar. */
export interface AppDef {
  schemaVersion: number
  id: string
  name: Label
  description?: Label
  color?: string
  icon?: string
  /** Sidebar order. */
  formIds: string[]
  dashboardIds: string[]
  /** Template it was installed from, if any. */
  templateId?: string
  /** Automations (智能助手) of the app's forms; schemas/automation.schema.json. */
  automations?: AutomationDef[]
  createdAt: number
  updatedAt: number
}

export interface Member {
  id: string
  name: string
  color: string
}

export interface WorkspaceSettings {
  schemaVersion: number
  locale?: Locale
  members: Member[]
  currentMemberId?: string
}

/** One row of a form: values keyed by field id, never by label. Times are epoch ms. */
export interface RecordRow {
  id: string
  values: Record<string, unknown>
  createdAt: number
  updatedAt: number
  rev: number
  createdBy?: string
  updatedBy?: string
}

/** Appended on every change of a stage field's value. `at` is epoch ms. */
export interface StageEvent {
  id: string
  formId: string
  recordId: string
  fieldId: string
  from: string | null
  to: string
  at: number
}

/** One entry of a record's change log. */
export interface ChangeEntry {
  id: string
  formId: string
  recordId: string
  at: number
  memberId?: string
  kind: 'create' | 'update' | 'delete' | 'restore'
  changes?: { field: string, from: unknown, to: unknown }[]
  /** The automation (智能助手) that made this change, when one did. */
  automationId?: string
}

/** An app bundle: the app with its definitions and optional records. */
export interface AppBundle {
  app: AppDef
  forms: FormDef[]
  views: ViewDef[]
  dashboards: DashboardDef[]
}

export interface TemplateDef {
  schemaVersion: number
  id: string
  name: Label
  description?: Label
  bundle: AppBundle
  /** Name of a seeded demo-data generator in core/template. */
  demo?: { generator: string, seed: number }
}

/** A whole-workspace backup file: an exact round trip of everything stored. */
export interface WorkspaceBackup {
  schemaVersion: number
  kind: 'funnelgrid-backup'
  exportedAt: number
  settings: WorkspaceSettings
  apps: AppDef[]
  forms: FormDef[]
  views: ViewDef[]
  dashboards: DashboardDef[]
  records: Record<string, RecordRow[]>
  stageEvents: StageEvent[]
  changes: ChangeEntry[]
  /** Records in the recycle bin, per form. */
  trash: Record<string, RecordRow[]>
  /** File contents of attachment and image values (absent in backups made before files were stored). */
  blobs?: BackupBlob[]
}

/** One stored file in a backup: the bytes as base64, under the `key` its values refer to. */
export interface BackupBlob {
  key: string
  mime: string
  size: number
  data: string
}
