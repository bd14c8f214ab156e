/** Stage events as typed-array columns with string tables (the form held in memory and scanned by metrics). */
export * from './columns'
