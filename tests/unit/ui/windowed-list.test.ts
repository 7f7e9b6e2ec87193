// @vitest-environment happy-dom
import { Profiler, act, createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useWindowedList } from '../../../renderer/src/ui/useWindowedList';

/**
 * The windowed list's first frame holds only what is in view (the rows around it follow once it
 * is painted: app load, issue 16), and a row measured at its estimated height renders nothing again.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A stand-in ResizeObserver whose reports the test sends. */
class FakeResizeObserver {
  static last: FakeResizeObserver | null = null;
  readonly observed = new Set<Element>();
  constructor(readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  report(sizes: [Element, number][]) {
    const entries = sizes.map(([target, blockSize]) => ({ target, borderBoxSize: [{ blockSize, inlineSize: 200 }] }));
    this.callback(entries as unknown as ResizeObserverEntry[], this as unknown as ResizeObserver);
  }
}

const COUNT = 1000;
const ESTIMATE = 20;

function List() {
  const list = useWindowedList({ count: COUNT, keyOf: (i) => `row-${i}`, estimate: ESTIMATE });
  const rows = [];
  for (let i = list.first; i <= list.last; i++) rows.push(h('li', { key: i, 'data-index': i, ref: list.measure }, `Row ${i}`));
  return h('ul', { ref: list.setScroller, onScroll: list.onScroll }, rows);
}

let root: Root;
let host: HTMLElement;
let renders = 0;
beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  renders = 0;
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.unstubAllGlobals();
});

const shown = () => host.querySelectorAll('li').length;
const mount = () => act(() => root.render(h(Profiler, { id: 'list', onRender: () => renders++, children: h(List) })));
/** Lets a frame and the task after it pass (happy-dom runs animation frames on a timer). */
const nextFrame = () => act(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(() => setTimeout(done, 0), 0))));

describe('a windowed list', () => {
  it('renders what is in view first, and the rows beyond it once that frame is painted', async () => {
    mount();
    // Its viewport before it is measured is 800 px: 40 rows of 20 px (and the one cut by the edge).
    expect(shown()).toBeLessThanOrEqual(41);
    await nextFrame();
    // Then 800 px beyond the viewport below (nothing is above the top).
    expect(shown()).toBe(81);
  });

  it('is not rendered again when its rows measure what was estimated, and is when one differs', async () => {
    mount();
    await nextFrame();
    expect(shown()).toBe(81);
    const before = renders;
    const rows = [...host.querySelectorAll('li')];
    act(() => FakeResizeObserver.last!.report(rows.map((row) => [row, ESTIMATE])));
    expect(renders).toBe(before);
    act(() => FakeResizeObserver.last!.report([[rows[3]!, ESTIMATE * 3]]));
    expect(renders).toBe(before + 1);
  });
});
