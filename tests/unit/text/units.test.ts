import { describe, expect, it } from 'vitest';
import { splitTurns } from '../../../shared/text/turns';
import { contextUnitSpans, passagesForMatches } from '../../../shared/text/units';
import type { Span } from '../../../shared/text/spans';

const transcript = [
  'Facilitator: Welcome. Dr. Okafor will join us later.',
  '',
  'Participant 2: I waited months. The waiting list was long',
  'and nobody called. Then it got better!',
  'Facilitator: Was it the waiting list?',
].join('\n');
const turns = splitTurns(transcript, 'colon');
const texts = (spans: Span[]) => spans.map((s) => transcript.slice(s.start, s.end));
const at = (word: string, from = 0): Span => {
  const start = transcript.indexOf(word, from);
  return { start, end: start + word.length };
};

describe('context units', () => {
  it('sentences stay inside a turn, leave out the label, keep "Dr." inside and read wrapped lines as one', () => {
    expect(texts(contextUnitSpans(transcript, turns, 'sentence'))).toEqual([
      'Welcome.',
      'Dr. Okafor will join us later.',
      'I waited months.',
      'The waiting list was long\nand nobody called.',
      'Then it got better!',
      'Was it the waiting list?',
    ]);
  });

  it('paragraphs are cut where a turn starts, and turns are the speakers\' own words', () => {
    expect(texts(contextUnitSpans(transcript, turns, 'paragraph'))).toEqual([
      'Welcome. Dr. Okafor will join us later.',
      'I waited months. The waiting list was long\nand nobody called. Then it got better!',
      'Was it the waiting list?',
    ]);
    expect(texts(contextUnitSpans(transcript, turns, 'turn'))).toEqual(texts(contextUnitSpans(transcript, turns, 'paragraph')));
  });

  it('a document without turns has its paragraphs as turns', () => {
    const plain = 'One line. Two.\n\nAnother paragraph.';
    expect(contextUnitSpans(plain, [], 'turn').map((s) => plain.slice(s.start, s.end))).toEqual(['One line. Two.', 'Another paragraph.']);
    expect(contextUnitSpans(plain, [], 'sentence').map((s) => plain.slice(s.start, s.end))).toEqual(['One line.', 'Two.', 'Another paragraph.']);
  });

  it('widens each match to its unit, codes a unit with two matches once, and takes both units a match spans', () => {
    const twoInOne = [at('waiting'), at('long')];
    expect(texts(passagesForMatches(transcript, turns, twoInOne, 'sentence'))).toEqual(['The waiting list was long\nand nobody called.']);
    const across = { start: at('months').start, end: at('The waiting').end };
    expect(texts(passagesForMatches(transcript, turns, [across], 'sentence'))).toEqual(['I waited months. The waiting list was long\nand nobody called.']);
    const both = [at('waiting list'), at('waiting list', at('waiting list').end)];
    expect(texts(passagesForMatches(transcript, turns, both, 'turn'))).toEqual([
      'I waited months. The waiting list was long\nand nobody called. Then it got better!',
      'Was it the waiting list?',
    ]);
    expect(texts(passagesForMatches(transcript, turns, both, 'match'))).toEqual(['waiting list', 'waiting list']);
  });

  it('a match in a speaker label takes the turn it labels', () => {
    const label = at('Participant 2');
    expect(texts(passagesForMatches(transcript, turns, [label], 'sentence'))).toEqual(['I waited months.']);
    expect(texts(passagesForMatches(transcript, turns, [label], 'turn'))).toEqual([
      'I waited months. The waiting list was long\nand nobody called. Then it got better!',
    ]);
  });
});
