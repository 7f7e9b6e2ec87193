import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { aboutModule } from './electron/packaging/about-info';

export default defineConfig({
  // The top bar's About button reaches the About box, whose facts are a build-time virtual module.
  plugins: [aboutModule(resolve('.'))],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Two cores here; fork workers keep each test file's temp folders and handles apart.
    pool: 'forks',
  },
});
