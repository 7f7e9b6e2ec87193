// A worker's TypeScript module run from source (npm run web, the CLI, vitest): tsx's loader is
// registered in this thread, then the module named by the last argument is imported.
// start-worker.ts starts this; the built app starts the built module itself instead.
import { register } from 'tsx/esm/api';

register();
await import(process.argv.at(-1));
