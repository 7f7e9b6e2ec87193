import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { aboutModule } from './electron/packaging/about-info';
import { preloadFonts } from './electron/packaging/preload-fonts';
import { workerModules } from './electron/services/workers/worker-modules';

// One build for the three Electron parts. Browser mode serves the same renderer output
// (out/renderer) from a Node process, so the UI under test is the UI users get.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // Beside the Electron shell (index): browser mode's server (web) and the command line
        // (cli), so every shell runs the same built backend; and each worker thread's module
        // as an entry of its own (out/main/<name>.js), started by
        // electron/services/workers/start-worker.ts. Shared chunks stay beside the entries, so
        // that every file in out/main finds the workers the same way.
        input: {
          index: resolve('electron/main/index.ts'),
          web: resolve('electron/web/main.ts'),
          cli: resolve('electron/cli/main.ts'),
          ...Object.fromEntries(workerModules.map((w) => [w.name, resolve(w.source)])),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or node_modules: one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    // Help → About's facts, made from package.json and the dependency tree at build time; and
    // the faces the first screen is drawn in, fetched with the script.
    plugins: [
      react(),
      aboutModule(resolve('.')),
      preloadFonts(['inter-latin-400-normal', 'inter-latin-500-normal', 'inter-latin-600-normal', 'source-serif-4-latin-400-normal']),
    ],
    // Styles are CSS Modules: `.code-row--active` is read as styles.codeRowActive.
    css: { modules: { localsConvention: 'camelCaseOnly' } },
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; minified, the page has a third of the
      // script to parse before it can ask for the project (app load ≤ 1 s, issue 16).
      minify: true,
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        // Everything the page needs to start in one script (and one stylesheet): split into nine
        // shared pieces, it was thirteen requests over the browser's six connections before the
        // script could run; the views opened later stay chunks of their own.
        output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } },
      },
    },
  },
});
