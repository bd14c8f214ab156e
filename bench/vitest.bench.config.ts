import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import { documentValidators } from '../tools/validators-plugin.ts'

// The benchmark runs as vitest "tests" (Node 20 cannot run TypeScript itself). Not part of
// `npm test`: the root vitest config only includes tests/. Start it with `npm run bench`.
export default defineConfig({
  plugins: [documentValidators()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('../src', import.meta.url)) },
  },
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    projects: [
      {
        extends: true,
        test: {
          name: 'bench',
          include: ['bench/suite.test.ts'],
          environment: 'node',
          testTimeout: 3_600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        // Older opt-in measurements moved out of the unit suite; run them by path.
        extends: true,
        test: {
          name: 'bench-extra',
          include: ['bench/extra/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup-unit.ts'],
          testTimeout: 3_600_000,
        },
      },
    ],
  },
})
