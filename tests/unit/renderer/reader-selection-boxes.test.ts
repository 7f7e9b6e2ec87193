import { describe, expect, it } from 'vitest';
import { lineBoxes } from '../../../renderer/src/features/reader/selectionBoxes';

describe('lineBoxes', () => {
  it('joins the runs of one line and keeps lines apart, top to bottom', () => {
    const boxes = lineBoxes([
      { top: 27, left: 10, width: 40, height: 27 },
      { top: 0, left: 120, width: 30, height: 27 },
      { top: 0, left: 150, width: 50, height: 27 },
      { top: 27, left: 50, width: 60, height: 27 },
    ]);
    expect(boxes).toEqual([
      { top: 0, left: 120, width: 80, height: 27 },
      { top: 27, left: 10, width: 100, height: 27 },
    ]);
  });

  it('closes the small gap between selected lines, not a paragraph break', () => {
    const boxes = lineBoxes([
      { top: 0, left: 0, width: 100, height: 24 },
      { top: 27, left: 0, width: 100, height: 24 },
      { top: 80, left: 0, width: 100, height: 24 },
    ]);
    expect(boxes.map((b) => [b.top, b.height])).toEqual([
      [0, 27],
      [27, 24],
      [80, 24],
    ]);
  });

  it('drops empty rects (a line break at a run end)', () => {
    expect(lineBoxes([{ top: 0, left: 5, width: 0, height: 27 }])).toEqual([]);
  });
});
