import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { channels } from '../../../shared/api/contract';
import { joinChannels, returns } from '../../../shared/api/channels/channel-spec';
import { analysisChannels } from '../../../shared/api/channels/analysis-channels';
import { codingChannels } from '../../../shared/api/channels/coding-channels';
import { documentChannels } from '../../../shared/api/channels/document-channels';
import { projectChannels } from '../../../shared/api/channels/project-channels';
import { transferChannels } from '../../../shared/api/channels/transfer-channels';

describe('the contract, declared by area', () => {
  it('holds every channel of every area, each once', () => {
    const declared = [projectChannels, documentChannels, codingChannels, analysisChannels, transferChannels].flatMap((g) => Object.keys(g));
    expect(new Set(declared).size).toBe(declared.length);
    expect([...channels].sort()).toEqual([...declared].sort());
  });

  it('refuses a channel declared in two areas, naming it (spreading would keep the last silently)', () => {
    const one = { 'code.create': { kind: 'change', input: z.object({}), output: returns<null>() } } as const;
    const two = { 'code.create': { kind: 'query', input: z.object({}), output: returns<null>() } } as const;
    expect(() => joinChannels(one, two)).toThrow('The channel code.create is declared twice in the contract.');
  });
});
