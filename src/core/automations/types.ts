/**
 * Automations (智能助手): a trigger on one form, an optional condition in the shared filter
 * language, and actions run inside the write pipeline. Stored in their app's document
 * (`AppDef.automations`), so backups and team sync carry them; schema:
 * schemas/automation.schema.json.
 */
import type { LocalizedMessage } from '../fields/behaviour'
import type { Filter } from '../schema/filter'
import type { Label } from '../schema/types'

/** What makes an automation run for a record of `formId`. */
export type AutomationTrigger
  /** A record was added (form, grid, paste, import; not a recycle-bin restore). */
  = | { kind: 'created', formId: string }
  /** A field's value changed (a new record counts when it starts with a value). */
    | { kind: 'fieldChanged', formId: string, fieldId: string }
  /** A stage field entered `stageId` (a new record created in that stage counts). */
    | { kind: 'stageEntered', formId: string, fieldId: string, stageId: string }
  /** A stage field left `stageId`. */
    | { kind: 'stageLeft', formId: string, fieldId: string, stageId: string }
  /** A stage field reached a won or a lost stage. */
    | { kind: 'stageOutcome', formId: string, fieldId: string, outcome: 'won' | 'lost' }
  /** Daily: a date field's day (plus `offsetDays`) has come. */
    | { kind: 'dateReached', formId: string, fieldId: string, offsetDays?: number }
  /** Daily: an open record has stayed in its stage longer than `days` (else its stage's "stalled after N days"). */
    | { kind: 'stalled', formId: string, fieldId: string, days?: number }

export type TriggerKind = AutomationTrigger['kind']

/** Triggers checked on writes; the others are checked once a day while the app is open. */
export const WRITE_TRIGGERS: readonly TriggerKind[] = ['created', 'fieldChanged', 'stageEntered', 'stageLeft', 'stageOutcome']
export const DAILY_TRIGGERS: readonly TriggerKind[] = ['dateReached', 'stalled']

/** Where a mapped value comes from. */
export type MappedSource
  /** A formula over the triggering record (`{fieldId}` references, TODAY(), …): no eval. */
  = | { kind: 'formula', formula: string }
  /** The triggering record itself (a relation field pointing at the trigger's form). */
    | { kind: 'trigger' }
  /** The record created by an earlier action of the same automation (its index). */
    | { kind: 'created', action: number }

/** One field set by an action. */
export interface FieldMapping {
  fieldId: string
  source: MappedSource
}

/** Who a notification is for. */
export type NotifyTarget
  = | { kind: 'member', memberId: string }
  /** The member(s) in a member field of the triggering record (e.g. its owner). */
    | { kind: 'field', fieldId: string }

export type AutomationAction
  /** Adds a record to `formId` (of the same app) with mapped values. */
  = | { kind: 'createRecord', formId: string, values: FieldMapping[] }
  /** Sets fields of the triggering record. */
    | { kind: 'setFields', values: FieldMapping[] }
  /** Sets fields of the records a relation field of the triggering record links to. */
    | { kind: 'setLinkedFields', relationFieldId: string, values: FieldMapping[] }
  /** Shows an in-app notification; `message` is a formula over the triggering record. */
    | { kind: 'notify', to: NotifyTarget, message: string }

export type ActionKind = AutomationAction['kind']

export interface AutomationDef {
  id: string
  name: Label
  enabled: boolean
  trigger: AutomationTrigger
  /** Only records matching it (after the change) run the actions. */
  condition?: Filter
  actions: AutomationAction[]
  createdAt: number
  updatedAt: number
}

/** What one action of a run did. */
export type RunEffect
  = | { kind: 'created', formId: string, recordId: string }
    | { kind: 'updated', formId: string, recordIds: string[], fieldIds: string[] }
    | { kind: 'notified', memberIds: string[] }

/** One run of an automation for one record: what it did, or why it did nothing. */
export interface AutomationRun {
  id: string
  automationId: string
  at: number
  /** The triggering record. */
  formId: string
  recordId: string
  effects: RunEffect[]
  /** Set when the run was skipped whole (nothing of it written). */
  error?: LocalizedMessage
}

/** An in-app notification; it names the automation that sent it. */
export interface AutomationNotification {
  id: string
  automationId: string
  automationName: Label
  at: number
  /** Who it is for; absent: everyone on this device. */
  memberId?: string
  message: string
  formId: string
  recordId: string
}

/** A second round not run: `automationId` would have fired on what `byAutomationId` wrote. */
export interface AutomationCut {
  automationId: string
  automationName: Label
  byAutomationId: string
  byAutomationName: Label
}
