/** Stage history imports: backdated events from date columns, records + events from a change log, column guesses, stage order, and the merge onto existing records. */
export * from './parse-time'
export * from './stage-names'
export * from './date-columns'
export * from './history-log'
export * from './guess-columns'
export * from './stage-order'
export * from './merge-history'
export * from './presets'
