/**
 * The room the rows outside a window take, above or below the rows rendered in a listbox or
 * tree that scrolls itself. An element rather than the list's padding: a scroller's own padding
 * makes its box at least that tall (border-box), so it would stop scrolling and render every row.
 */
export function WindowSpacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return <li role="none" aria-hidden="true" style={{ height, margin: 0, padding: 0, listStyle: 'none' }} />;
}
