/**
 * The room the rows outside a window take, above or below the rows rendered in a listbox or
 * tree that scrolls itself. An element rather than the list's padding: a scroller's own padding
 * makes its box at least that tall (border-box), so it would stop scrolling and render every row.
 */
export function WindowSpacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return <li role="none" aria-hidden="true" style={{ height, margin: 0, padding: 0, listStyle: 'none' }} />;
}

/** WindowSpacer for a table (a grid's rows): a row with one empty cell across the columns. */
export function WindowSpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr role="none" aria-hidden="true">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
