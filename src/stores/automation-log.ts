import type { AutomationCut, AutomationNotification, AutomationRun } from '@/core/automations'
import type { LocalizedMessage } from '@/core/fields/behaviour'
import { cutMessage } from '@/core/automations'
import { parseBoundedJson } from '@/core/validation/bounded-json'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { useWorkspaceStore } from './workspace'

/** localStorage key of the automations' runs, notifications and daily checks on this device. */
export const AUTOMATION_LOG_KEY = 'funnelgrid:automation-log'
/** Runs kept per automation (the newest). */
export const RUNS_PER_AUTOMATION = 200
/** Notifications kept (the newest). */
export const NOTIFICATIONS_KEPT = 300

/** A notification as kept: read once the bell's list was opened with it in. */
export interface StoredNotification extends AutomationNotification { read?: boolean }

interface StoredLog {
  runs: AutomationRun[]
  notifications: StoredNotification[]
  /** Automation id -> time its daily trigger was last checked. */
  dailyAt: Record<string, number>
}

/** Something the user should be told at once (a loop cut, a run that did not happen). */
export interface AutomationNotice { seq: number, message: LocalizedMessage }

/** What one write's (or daily check's) automations did. */
export interface AutomationReport { runs: readonly AutomationRun[], notifications: readonly AutomationNotification[], cuts: readonly AutomationCut[] }

function readStored(): StoredLog {
  const empty: StoredLog = { runs: [], notifications: [], dailyAt: {} }
  let raw: string | null | undefined
  try {
    raw = globalThis.localStorage?.getItem(AUTOMATION_LOG_KEY)
  }
  catch {
    return empty
  }
  // Bounded like any JSON that enters (core/validation/json-limits.ts): a refused log is forgotten.
  const parsed = raw ? parseBoundedJson('automationLog', raw) : undefined
  const v = parsed?.ok ? parsed.value as Partial<StoredLog> : undefined
  if (!v || typeof v !== 'object') return empty
  return {
    runs: Array.isArray(v.runs) ? v.runs.filter(r => typeof r?.automationId === 'string') : [],
    notifications: Array.isArray(v.notifications) ? v.notifications.filter(n => typeof n?.automationId === 'string') : [],
    dailyAt: v.dailyAt && typeof v.dailyAt === 'object' ? Object.fromEntries(Object.entries(v.dailyAt).filter(([, t]) => typeof t === 'number')) : {},
  }
}

/** The newest `limit` runs of each automation, oldest first. */
function trimRuns(runs: readonly AutomationRun[]): AutomationRun[] {
  const count = new Map<string, number>()
  const kept: AutomationRun[] = []
  for (let i = runs.length - 1; i >= 0; i--) {
    const r = runs[i]!
    const n = count.get(r.automationId) ?? 0
    if (n >= RUNS_PER_AUTOMATION) continue
    count.set(r.automationId, n + 1)
    kept.push(r)
  }
  return kept.reverse()
}

/**
 * The automations' run log, in-app notifications and last daily checks, kept on this device
 * (localStorage, bounded): definitions sync, but a log in the app document would be refused
 * for members and conflict between devices. The records store hands it what each write's
 * automations did; the shell shows `notice` (cuts, runs that did not happen) and the bell.
 */
export const useAutomationLogStore = defineStore('automation-log', () => {
  const workspace = useWorkspaceStore()
  const stored = readStored()
  const runs = shallowRef<AutomationRun[]>(stored.runs)
  const notifications = shallowRef<StoredNotification[]>(stored.notifications)
  const dailyAt = shallowRef<Record<string, number>>(stored.dailyAt)
  const notice = shallowRef<AutomationNotice>()
  let seq = 0

  function persist(): void {
    try {
      globalThis.localStorage?.setItem(AUTOMATION_LOG_KEY, JSON.stringify({ runs: runs.value, notifications: notifications.value, dailyAt: dailyAt.value }))
    }
    catch {
      // A full localStorage only loses the log; the writes themselves are stored.
    }
  }

  function tell(message: LocalizedMessage): void {
    notice.value = { seq: ++seq, message }
  }

  /** Keeps what one write's automations did and tells the user about cuts and runs that did not happen. */
  function record(report: AutomationReport): void {
    if (!report.runs.length && !report.notifications.length && !report.cuts.length) return
    // Only the newest runs of the report can be kept: trim it before joining (a 100k import).
    runs.value = trimRuns([...runs.value, ...trimRuns(report.runs)])
    if (report.notifications.length) notifications.value = [...notifications.value, ...report.notifications].slice(-NOTIFICATIONS_KEPT)
    persist()
    const failed = report.runs.filter(r => r.error)
    if (report.cuts.length) tell(cutMessage(report.cuts[0]!))
    else if (failed.length) {
      const first = failed[0]!.error!
      const more = failed.length - 1
      tell(more ? { 'zh-CN': `${first['zh-CN']}（另有 ${more} 条未执行，见运行日志）`, 'en': `${first.en} (${more} more did not run, see the run log)` } : first)
    }
  }

  /** Runs of one automation, newest first. */
  function runsOf(automationId: string): AutomationRun[] {
    return runs.value.filter(r => r.automationId === automationId).reverse()
  }

  /** Notifications for the signed-in member (or for everyone on this device), newest first. */
  const mine = computed(() => {
    const me = workspace.settings.currentMemberId
    return notifications.value.filter(n => !n.memberId || !me || n.memberId === me).slice().reverse()
  })
  const unread = computed(() => mine.value.filter(n => !n.read).length)

  function markRead(ids: readonly string[]): void {
    const set = new Set(ids)
    if (!notifications.value.some(n => set.has(n.id) && !n.read)) return
    notifications.value = notifications.value.map(n => (set.has(n.id) ? { ...n, read: true } : n))
    persist()
  }

  /** When the daily trigger of an automation was last checked on this device. */
  const dailyCheckedAt = (automationId: string): number | undefined => dailyAt.value[automationId]

  function setDailyChecked(ids: readonly string[], at: number): void {
    if (!ids.length) return
    dailyAt.value = { ...dailyAt.value, ...Object.fromEntries(ids.map(id => [id, at])) }
    persist()
  }

  return { runs, notifications, notice, mine, unread, record, runsOf, markRead, dailyCheckedAt, setDailyChecked, tell }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAutomationLogStore, import.meta.hot))
