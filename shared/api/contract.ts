import { z } from 'zod';
import type { AppErrorShape } from './errors';
import type { AttributeDef, Code, Coder, Coding, DocumentMeta, RecentProject, Turn } from '../domain/schemas';

/**
 * The one contract between the UI and the backend. Each channel names its input schema
 * (checked at the transport, so a malformed request never reaches a service) and its
 * output type. Electron's IPC, browser mode's HTTP and the renderer's client are all typed
 * from this object: renaming a channel breaks the type check everywhere it is used.
 */

/** A phantom marker carrying an output type; it exists only for the type checker. */
function returns<T>(): T {
  return undefined as T;
}

const path = z.string().min(1).max(4096);
const entityId = z.string().min(1).max(64);

export const templateIds = ['thrive-ldn', 'empty'] as const;
export type TemplateId = (typeof templateIds)[number];

export interface ProjectSnapshot {
  path: string;
  id: string;
  name: string;
  description: string;
  codebook: Code[];
  attributes: AttributeDef[];
  documents: DocumentMeta[];
  coders: Coder[];
  /** Codings per code id, all coders together. */
  codingCounts: Record<string, number>;
}

export interface CoderCoding extends Coding {
  coderId: string;
}

export interface DocumentContent {
  id: string;
  name: string;
  text: string;
  turns: Turn[];
  codings: CoderCoding[];
}

export interface AppState {
  /** 'electron' when native dialogs exist; 'browser' when the UI is served by `npm run web`. */
  shell: 'electron' | 'browser';
  coderName: string | null;
  recentProjects: RecentProject[];
  project: ProjectSnapshot | null;
  /** Problems met at start-up (a damaged settings file, a last project that would not open). */
  notices: AppErrorShape[];
}

export const contract = {
  'app.getState': { input: z.object({}).strict(), output: returns<AppState>() },
  'project.open': { input: z.object({ path }).strict(), output: returns<ProjectSnapshot>() },
  'project.create': {
    input: z
      .object({ path, name: z.string().min(1).max(200), template: z.enum(templateIds) })
      .strict(),
    output: returns<ProjectSnapshot>(),
  },
  'project.openSample': { input: z.object({}).strict(), output: returns<ProjectSnapshot>() },
  'project.close': { input: z.object({}).strict(), output: returns<null>() },
  'document.get': { input: z.object({ documentId: entityId }).strict(), output: returns<DocumentContent>() },
  /** Native folder picker; null where the shell has none (browser mode) or the user cancelled. */
  'dialog.pickProjectFolder': { input: z.object({}).strict(), output: returns<string | null>() },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];
export type Handlers = { [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<Output<C>> };

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the backend pushes to the UI. */
export interface ServerEvents {
  'project.changed': { path: string };
  'backend.error': AppErrorShape;
}
export type EventName = keyof ServerEvents;

/** Validates a request against its channel's schema; returns the parsed input or a readable error. */
export function parseInput<C extends Channel>(
  channel: C,
  raw: unknown,
): { ok: true; input: z.output<Contract[C]['input']> } | { ok: false; message: string } {
  const result = contract[channel].input.safeParse(raw ?? {});
  if (result.success) return { ok: true, input: result.data as z.output<Contract[C]['input']> };
  const issues = result.error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : 'request'}: ${i.message}`)
    .join('; ');
  return { ok: false, message: `Invalid request for ${channel}: ${issues}` };
}
