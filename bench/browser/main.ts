/** Bench page entry: exposes the operations for the Node driver (bench/ops/browser.ts). */
import { bulkImport, bulkImportIntoGrid, floorImport, importPhases, naiveImport, prepareCsv } from './import-ops'
import { coldOpen, coldOpenBaseline, dashboard, edit, heldJsonBytes, indexRecords, readRecords, search, searchAndDashboard } from './open-ops'
import { gridSortFilter, oursSortFilter, oursSortFilterCold } from './query-ops'
import { seed } from './seed'
import { pageData } from './page-data'

/** Deletes a database and its write-ahead log (between import runs, to keep the profile small). */
async function dropDb(name: string): Promise<void> {
  for (const db of [name, `${name}-wal`]) {
    await new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase(db)
      req.onsuccess = req.onerror = req.onblocked = () => resolve()
    })
  }
}

const api = {
  seed,
  dropDb,
  prepare: (size: number) => pageData(size).records.length,
  coldOpen,
  coldOpenBaseline,
  indexRecords,
  readRecords,
  heldJsonBytes,
  searchAndDashboard,
  search,
  dashboard,
  edit,
  prepareCsv,
  bulkImport,
  bulkImportIntoGrid,
  naiveImport,
  floorImport,
  importPhases,
  oursSortFilter,
  oursSortFilterCold,
  gridSortFilter,
}

/** What the driver calls through page.evaluate. */
export type BenchPageApi = typeof api

;(window as unknown as { fgBench: BenchPageApi }).fgBench = api
document.title = 'FunnelGrid bench: ready'
