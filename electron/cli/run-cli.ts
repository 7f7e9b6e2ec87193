import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { templateIds } from '../../shared/api/contract';
import type { TemplateId } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { systemDeps } from '../services/deps';
import { checkProject } from '../services/project/check-project';
import { createProject } from '../services/project/create-project';
import { ProjectStore } from '../services/project/project-store';
import { USAGE } from './usage';

class UsageError extends Error {}

type Command = (positionals: string[], args: string[]) => Promise<number>;

function onePath(positionals: string[], what: string): string {
  const [path, ...rest] = positionals;
  if (!path || rest.length) throw new UsageError(`expected one ${what}`);
  return resolve(path);
}

const commands: Record<string, Command> = {
  async new(_, args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { template: { type: 'string', default: 'thrive-ldn' }, name: { type: 'string' } },
    });
    const dir = onePath(positionals, 'project folder');
    const template = values.template ?? 'thrive-ldn';
    if (!(templateIds as readonly string[]).includes(template)) {
      throw new UsageError(`unknown template "${template}" (choose ${templateIds.join(' or ')})`);
    }
    const name = values.name ?? dir.split(/[\\/]/).pop()!.replace(/\.marginalia$/, '');
    const store = await createProject(dir, { name, template: template as TemplateId }, systemDeps, { app: 'cli' });
    await store.close();
    console.log(`Created project "${name}" at ${dir} with ${store.data.codebook.length} codes.`);
    return 0;
  },

  async info(_, args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    // Reading only: no lock, so it works while the project is open in the app.
    const store = await ProjectStore.open(onePath(positionals, 'project folder'), systemDeps, { access: 'read' });
    const { data } = store;
    const coders = data.coders.map((c) => ({ name: c.name, codings: store.codingsOf(c.id).length }));
    const summary = {
      name: data.name,
      path: store.dir,
      documents: data.documents.length,
      codes: data.codebook.filter((c) => c.codable).length,
      folders: data.codebook.filter((c) => !c.codable).length,
      coders,
      codings: coders.reduce((sum, c) => sum + c.codings, 0),
    };
    if (values.json) {
      console.log(JSON.stringify(summary, null, 2));
      return 0;
    }
    console.log(`${summary.name}\n  ${summary.path}`);
    console.log(`  documents: ${summary.documents}`);
    console.log(`  codes:     ${summary.codes} (in ${summary.folders} folders)`);
    console.log(`  coders:    ${coders.length}${coders.map((c) => `\n    ${c.name}: ${c.codings} codings`).join('')}`);
    console.log(`  codings:   ${summary.codings}`);
    return 0;
  },

  async check(positionals, args) {
    const { values } = parseArgs({ args, allowPositionals: true, options: { repair: { type: 'boolean' } } });
    const dir = onePath(positionals, 'project folder');
    if (values.repair) await (await import('./repair-command')).repairStrayFiles(dir);
    const problems = await checkProject(dir);
    if (problems.length === 0) {
      console.log(`${dir}: every file is sound.`);
      return 0;
    }
    console.error(`${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'} found.`);
    for (const p of problems) console.error(`  ${p.file}: ${p.message}`);
    return 1;
  },

  // Loaded when used: an export need not load the importers' parsers.
  import: async (_, args) => (await import('./import-command')).importCommand(args, (message) => new UsageError(message)),
  agreement: async (_, args) => (await import('./agreement-command')).agreementCommand(args, (message) => new UsageError(message)),
  query: async (_, args) => (await import('./query-command')).queryCommand(args, (message) => new UsageError(message)),
  export: async (_, args) => (await import('./export-command')).exportCommand(args, (message) => new UsageError(message)),

  async help() {
    console.log(USAGE);
    return 0;
  },
};

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(name ? `marginalia: unknown command "${name}"\n\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    const positionals = args.filter((a) => !a.startsWith('-'));
    return await command(positionals, args);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`marginalia ${name}: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof AppError) {
      console.error(`marginalia ${name}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
