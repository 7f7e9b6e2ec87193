import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';
import type { WorkerModule } from './worker-modules';

const here = fileURLToPath(import.meta.url);

/**
 * Where a worker's code is and how to start it. Built (this file bundled into out/main, with
 * every worker module an entry beside it): the worker's own .js file. From source (this file
 * is still .ts: tsx or vitest): the module's .ts, imported through tsx-worker.mjs.
 */
export function workerEntry(module: WorkerModule, from = here): { file: string; argv: string[] } {
  if (!from.endsWith('.ts')) return { file: join(dirname(from), `${module.name}.js`), argv: [] };
  const root = resolve(dirname(from), '..', '..', '..');
  const source = isAbsolute(module.source) ? module.source : join(root, module.source);
  return { file: join(dirname(from), 'tsx-worker.mjs'), argv: [pathToFileURL(source).href] };
}

/** Starts a worker thread from its module, in the built app, browser mode, the CLI and tests alike. */
export function startWorker(module: WorkerModule, options: WorkerOptions = {}): Worker {
  const { file, argv } = workerEntry(module);
  return new Worker(file, { name: module.name, ...options, argv: [...(options.argv ?? []), ...argv] });
}
