/** Stage events as typed-array columns with string tables (the form held in memory and scanned by metrics, and stored). */
export * from './columns'
export * from './event-log'
export * from './stored-chunk'
