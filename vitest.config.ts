import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Two cores here; fork workers keep each test file's temp folders and handles apart.
    pool: 'forks',
  },
});
