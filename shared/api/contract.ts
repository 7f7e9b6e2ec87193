import type { z } from 'zod';
import type { ShellCommand } from '../commands/commands';
import type { AppErrorShape } from './errors';
import { analysisChannels } from './channels/analysis-channels';
import { joinChannels } from './channels/channel-spec';
import type { ChannelKind } from './channels/channel-spec';
import { codingChannels } from './channels/coding-channels';
import { documentChannels } from './channels/document-channels';
import { projectChannels } from './channels/project-channels';
import { transferChannels } from './channels/transfer-channels';
import type { ChangeResult } from './views';

export type * from './views';
export type { AttributeFacet, FacetValue } from './document-pages';
export type { ChannelKind } from './channels/channel-spec';
export { LARGE_REQUEST_BYTES, QUERY_PASSAGES_SHOWN, WORD_PASSAGES_SHOWN, attributeFilterSchema, templateIds } from './channels/fields';
export type { AttributeFilter, DocumentSort, TemplateId } from './channels/fields';

/**
 * The one contract between the UI and the backend. Each channel names its kind, its input
 * schema (checked at the transport, so a malformed request never reaches a service) and its
 * output type. Electron's IPC, browser mode's HTTP and the renderer's client are all typed
 * from this object: renaming a channel breaks the type check everywhere it is used. The
 * channels are declared by area in channels/; channel-spec.ts says what the kinds mean.
 */
export const contract = joinChannels(projectChannels, documentChannels, codingChannels, analysisChannels, transferChannels);

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelsOfKind<K extends ChannelKind> = { [C in Channel]: Contract[C]['kind'] extends K ? C : never }[Channel];
/** Channels whose reply is a ChangeResult: what the renderer's change() dispatches. */
export type ChangeChannel = { [C in ChannelsOfKind<'change'>]: Contract[C]['output'] extends ChangeResult ? C : never }[ChannelsOfKind<'change'>];

export function channelKind(channel: Channel): ChannelKind {
  return contract[channel].kind;
}
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];
/** The largest request body a channel accepts: file-carrying channels declare more than the default. */
export function maxRequestBytes(channel: Channel, fallback: number): number {
  const entry = contract[channel];
  return 'maxBytes' in entry ? entry.maxBytes : fallback;
}

export type Handlers = { [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<Output<C>> };

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the backend pushes to the UI. */
export interface ServerEvents {
  'project.changed': { path: string };
  'import.progress': { done: number; total: number; fileName: string };
  'export.progress': { done: number; total: number; stage: string };
  'backend.error': AppErrorShape;
  /**
   * The desktop shell asks the UI: Help → About, files the OS opened with the app (staged for the
   * import dialog), or a menu command the UI carries out as it does its own button or key.
   */
  'shell.request':
    | { action: 'about' }
    | { action: 'import'; files: { stagedId: string; fileName: string; size: number }[] }
    | { action: 'command'; command: ShellCommand };
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
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : 'request';
      // zod says "expected string, received undefined" for a field left out: say that plainly.
      const missing = i.code === 'invalid_type' && / received undefined$/.test(i.message);
      return `${where}: ${missing ? `missing (expected ${i.expected})` : i.message}`;
    })
    .join('; ');
  return { ok: false, message: `Invalid request for ${channel}: ${issues}` };
}
