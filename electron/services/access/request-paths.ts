import type { Channel, Handlers, ImportSource } from '../../../shared/api/contract';
import type { PathGrants, PathUse } from './path-grants';

/**
 * The channels whose requests name paths on this computer, and how each path is used. A test
 * walks every channel's input schema, so a new channel that takes a path cannot be left out.
 */
type PathReader<C extends Channel> = (input: Parameters<Handlers[C]>[0]) => { path: string; use: PathUse }[];

const sourcePath = (source: ImportSource): string[] => ('path' in source ? [source.path] : []);

export const requestPaths: { [C in Channel]?: PathReader<C> } = {
  'project.open': ({ path }) => [{ path, use: 'project' }],
  'project.create': ({ path }) => [{ path, use: 'create' }],
  'project.restoreBackup': ({ path }) => [{ path, use: 'project' }],
  'exchange.importProject': ({ path }) => [{ path, use: 'project' }],
  'import.inspect': ({ source }) => sourcePath(source).map((path) => ({ path, use: 'read' })),
  'folders.list': ({ path }) => (path === undefined ? [] : [{ path, use: 'list' }]),
  'import.run': ({ items }) => items.flatMap((item) => sourcePath(item.source)).map((path) => ({ path, use: 'read' })),
};

/** The channels whose replies are paths the user picked (a native dialog, the folders the chooser shows them): granted. */
const pickedPaths: { [C in Channel]?: (output: Awaited<ReturnType<Handlers[C]>>) => string[] } = {
  'dialog.pickProjectFolder': (picked) => (picked === null ? [] : [picked]),
  'folders.list': (listing) => [listing.path, ...listing.folders.map((f) => f.path)],
};

/**
 * The handlers with every path a request names checked against the grants first, and every
 * path the user picks through a channel granted.
 */
export function guardRequestPaths(handlers: Handlers, grants: PathGrants): Handlers {
  const guarded = { ...handlers };
  for (const channel of Object.keys(pickedPaths) as Channel[]) {
    const picked = pickedPaths[channel] as (output: unknown) => string[];
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    (guarded as Record<Channel, (input: unknown) => Promise<unknown>>)[channel] = async (input) => {
      const output = await handler(input);
      for (const path of picked(output)) await grants.allow(path);
      return output;
    };
  }
  for (const channel of Object.keys(requestPaths) as Channel[]) {
    const paths = requestPaths[channel] as PathReader<Channel>;
    const handler = guarded[channel] as (input: unknown) => Promise<unknown>;
    (guarded as Record<Channel, (input: unknown) => Promise<unknown>>)[channel] = async (input) => {
      for (const { path, use } of paths(input as Parameters<Handlers[Channel]>[0])) await grants.check(path, use);
      return handler(input);
    };
  }
  return guarded;
}
