import type { Handlers } from '../../../shared/api/contract';
import type { EventHub } from '../events';
import type { ProjectSession } from '../workbench/project-session';
import { importFile, inspectFile } from './import-service';
import type { StagingArea } from './staging';
import { ImportError } from './types';

/** Import: stage uploaded files, look inside them, import them with a result per file. */
export function importHandlers(
  session: () => ProjectSession,
  staging: StagingArea,
  events: EventHub,
): Pick<Handlers, 'import.stage' | 'import.inspect' | 'import.run'> {
  return {
    'import.stage': async ({ fileName, base64 }) => ({ stagedId: await staging.stage(fileName, Buffer.from(base64, 'base64')) }),
    'import.inspect': async ({ source }) => {
      const s = session();
      return inspectFile(s.store, await staging.read(source));
    },
    'import.run': async ({ items }) => {
      const s = session();
      const results = [];
      for (const [i, item] of items.entries()) {
        let result;
        try {
          const file = await staging.read(item.source);
          events.emit('import.progress', { done: i, total: items.length, fileName: file.name });
          result = await importFile(s, file, item.options);
        } catch (err) {
          if (!(err instanceof ImportError)) throw err;
          result = { fileName: err.file, status: 'failed' as const, documents: [], message: err.reason, details: [] };
        }
        results.push(result);
        await staging.discard(item.source);
      }
      events.emit('import.progress', { done: items.length, total: items.length, fileName: '' });
      return { results, snapshot: s.snapshot() };
    },
  };
}
