/** What the UI reads: shapes computed by the backend from the files on disk, by area. */
export type { OutlineSegment, TextOutline } from '../text/outline';
export type { TextPiece } from '../text/text-pieces';
export type * from './views/project-views';
export type * from './views/retrieval-views';
export type * from './views/agreement-views';
export type * from './views/transfer-views';
