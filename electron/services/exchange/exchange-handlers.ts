import { AppError } from '../../../shared/api/errors';
import type { ServiceDeps } from '../deps';
import { handlerModule } from '../handler-registry';
import type { ProjectSession } from '../workbench/project-session';
import { chooseProjectCoders, exportCoderWork, importCoderWork, parseCoderExchange, readProjectCoders } from './exchange-service';

/** Working as a pair: a coder's work as a file, and a colleague's file or project brought in. */
export function exchangeHandlers(session: () => ProjectSession, deps: ServiceDeps) {
  return handlerModule('exchange', {
    'exchange.exportCoder': async ({ coderId }) => {
      const s = session();
      if (coderId === null && s.currentCoderId === null) {
        throw new AppError('NOT_FOUND', 'You have not coded in this project yet: there is no work of yours to export.');
      }
      return exportCoderWork(s, coderId ?? s.coder(), deps.now());
    },
    'exchange.importCoder': async ({ fileName, content }) => importCoderWork(session(), [parseCoderExchange(content, fileName)], fileName, deps.now()),
    'exchange.importProject': async ({ path }) => {
      const s = session();
      const { take, skipped } = chooseProjectCoders(s, await readProjectCoders(path, deps.now()));
      if (take.length === 0) {
        const why = skipped.map((x) => `${x.coder}: ${x.reason}`).join('; ');
        throw new AppError('NOT_FOUND', `Nothing to import from ${path}${why ? ` (${why})` : ''}.`);
      }
      return importCoderWork(s, take, path, deps.now(), skipped);
    },
  });
}
