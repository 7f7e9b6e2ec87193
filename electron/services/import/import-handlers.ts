import type { EventHub } from '../events';
import { handlerModule } from '../handler-registry';
import type { WriteQueue } from '../handler-registry';
import type { ProjectSession } from '../workbench/project-session';
import { inspectFile, runImport } from './import-service';
import type { StagingArea } from './staging';

/** Import: stage uploaded files, look inside them, import them as one undoable step. */
export function importHandlers(session: () => ProjectSession, staging: StagingArea, events: EventHub, queue: WriteQueue) {
  return handlerModule('import', {
    'import.stage': async ({ fileName, base64 }) => ({ stagedId: await staging.stage(fileName, Buffer.from(base64, 'base64')) }),
    'import.inspect': async ({ source, encoding }) => inspectFile(session(), await staging.read(source), encoding),
    'import.run': async ({ items }) => {
      try {
        return await runImport(
          session(),
          items.map((item) => ({ file: () => staging.read(item.source), options: item.options })),
          { onProgress: (done, total, fileName) => events.emit('import.progress', { done, total, fileName }), exclusive: (work) => queue.run(work) },
        );
      } finally {
        await Promise.all(items.map((item) => staging.discard(item.source)));
      }
    },
  });
}
