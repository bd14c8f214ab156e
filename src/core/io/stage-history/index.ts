/** Stage history imports: backdated events from date columns, and records + events from a change log. */
export * from './parse-time'
export * from './stage-names'
export * from './date-columns'
export * from './history-log'
