// Every browser test: after each test, no save-failure banner and no console error on any page
// of a live session (see checkLiveSessions in harness.ts).
import { afterEach } from 'vitest'
import { checkLiveSessions } from './harness'

afterEach(async () => {
  await checkLiveSessions()
})
