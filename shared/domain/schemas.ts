import { z } from 'zod';
import { withAttributeNameRule, withNameRule } from './names';

/**
 * The project on disk, as zod schemas. Types are inferred from these, so a file that
 * validates is exactly the shape the code expects.
 */

/** v2: entities carry a `rank` (their order), attribute values hold no nulls, sets, queries, done marks, decisions. */
export const PROJECT_SCHEMA_VERSION = 2;
export const CODER_SCHEMA_VERSION = 2;

/** Names of Object.prototype's own machinery: never an id, so no lookup by id can reach them. */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, _ and -')
  .refine((value) => !RESERVED_IDS.has(value), 'this id is reserved: __proto__, constructor and prototype are never ids');
const id = idSchema;
const isoDate = z.iso.datetime({ offset: true });
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colours are #RRGGBB');
/**
 * Where an entity sits in its list (codes among their siblings, documents, coders, …): lists are
 * kept sorted by rank, so undoing a deletion puts the entity back exactly where it was.
 */
const rank = z.number().finite();

export const codeDescriptionSchema = z.object({
  definition: z.string(),
  whenToUse: z.string(),
  whenNotToUse: z.string(),
  example: z.string(),
});

export const codeSchema = z.object({
  id,
  name: withNameRule(z.string().min(1).max(200)),
  color: hexColor,
  /** null for a top-level code. Sibling order is the order of the codebook array. */
  parentId: id.nullable(),
  /** false for a grouping folder that holds codes but is not applied to text (REFI-QDA isCodable). */
  codable: z.boolean(),
  description: codeDescriptionSchema,
  rank,
});

export const attributeTypeSchema = z.enum(['text', 'number', 'date']);
export const attributeDefSchema = z.object({ name: withAttributeNameRule(z.string().min(1).max(100)), type: attributeTypeSchema, rank });
export const attributeValueSchema = z.union([z.string(), z.number(), z.null()]);
/** A document's attribute values by attribute name; an attribute without a value is absent, never null. */
export const attributeValuesSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const documentMetaSchema = z.object({
  id,
  name: withNameRule(z.string().min(1).max(300)),
  /** sha256 of the normalised text, hex: finds the same content imported twice. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Length of the normalised text in UTF-16 code units. */
  length: z.number().int().nonnegative(),
  turnCount: z.number().int().nonnegative(),
  attributes: attributeValuesSchema,
  importedFrom: z.string(),
  importedAt: isoDate,
  rank,
});

const coderName = withNameRule(z.string().min(1).max(100));

export const coderSchema = z.object({
  id,
  name: coderName,
  color: hexColor,
  /** Set for a colleague's coding brought in from their file or project; a newer import replaces it. */
  importedFrom: z.object({ source: z.string(), importedAt: isoDate }).optional(),
  /** A second-round identity: this coder codes again, blind to their first round (intra-coder agreement). */
  roundOf: id.optional(),
  rank,
});

/** A named group of documents (MAXQDA's document groups, NVivo's sets), usable as a filter. */
export const documentSetSchema = z.object({ id, name: withNameRule(z.string().min(1).max(200)), documentIds: z.array(id), rank });

/** A coding query kept by name, to run again. */
export const savedQuerySchema = z.object({ id, name: withNameRule(z.string().min(1).max(200)), query: z.string().max(10_000), rank });

/** What a patch can change of the project itself. */
export const projectInfoSchema = z.object({ id: z.literal('info'), name: z.string().min(1).max(200), description: z.string() });

export const projectFileSchema = z.object({
  schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
  id,
  name: withNameRule(z.string().min(1).max(200)),
  description: z.string(),
  createdAt: isoDate,
  codebook: z.array(codeSchema),
  attributes: z.array(attributeDefSchema),
  documents: z.array(documentMetaSchema),
  coders: z.array(coderSchema),
  sets: z.array(documentSetSchema),
  queries: z.array(savedQuerySchema),
});

/** A speaker turn: [start, end) UTF-16 offsets into the normalised text. */
export const turnSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  speaker: z.string().nullable(),
  /** Media time in seconds, for subtitle imports. */
  time: z.object({ start: z.number(), end: z.number() }).optional(),
  /** The page it is on, for PDF imports (a turn running over a page break is cut there). */
  page: z.number().int().positive().optional(),
});

export const turnsFileSchema = z.object({
  schemaVersion: z.literal(1),
  documentId: id,
  turns: z.array(turnSchema),
});

export const codingSchema = z.object({
  id,
  documentId: id,
  codeId: id,
  /** [start, end) in UTF-16 code units of the normalised text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  createdAt: isoDate,
});

export const memoTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('project') }),
  z.object({ type: z.literal('document'), id }),
  z.object({ type: z.literal('code'), id }),
  z.object({ type: z.literal('coding'), id }),
]);

export const memoSchema = z.object({
  id,
  target: memoTargetSchema,
  text: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

/** A coder has read a document through and coded what they meant to (a document with no codings is a decision too). */
export const doneMarkSchema = z.object({ id, documentId: id, markedAt: isoDate });

/** One settled disagreement, kept in the Consensus coder's file so the decision can be read later. */
export const decisionSchema = z.object({
  id,
  codeId: id,
  documentId: id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  coderA: id,
  coderB: id,
  choice: z.enum(['A', 'B', 'both', 'neither', 'edited']),
  /** The passages kept, for 'edited' (and the result of every other choice). */
  kept: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() })),
  note: z.string(),
  decidedBy: z.string(),
  decidedAt: isoDate,
});

/**
 * The coder's own record in their file (as project.json's `info` is the project's): their name
 * travels with their work, so a coder file re-attached after a restore, or a colleague's, is
 * listed under its name. Held as a one-entity collection, so a rename is a change like any other.
 */
export const coderProfileSchema = z.object({ id: z.literal('profile'), name: coderName });

/**
 * One coder's work: the only file a coding action rewrites. The author of every memo is the coder.
 * `name` is absent from files written before names travelled with them: they still open.
 */
export const coderFileSchema = z.object({
  schemaVersion: z.literal(CODER_SCHEMA_VERSION),
  coderId: id,
  name: coderName.optional(),
  codings: z.array(codingSchema),
  memos: z.array(memoSchema),
  done: z.array(doneMarkSchema),
  decisions: z.array(decisionSchema),
});

export const recentProjectSchema = z.object({ path: z.string(), name: z.string(), openedAt: isoDate });

/** Whose codings the reader shows: the user's own, everyone's, or one coder's. */
export const coderViewSchema = z.string().regex(/^(me|all|coder:[A-Za-z0-9_-]{1,64})$/, "coderView must be 'me', 'all' or 'coder:<id>'");

/** The user's place in one project: kept in app settings, since it is theirs, not the project's. */
export const workspaceSchema = z.object({
  lastDocumentId: z.string().nullable(),
  scrollTop: z.number().nonnegative(),
  quickCodes: z.array(z.string()).max(9),
  /** Whose codings the reader shows: 'me', 'all' or 'coder:<id>'. */
  coderView: coderViewSchema.default('me'),
  /** A document that began to open and has not yet been shown: if the app is closed (or killed) meanwhile, it is not reopened unasked. */
  openingDocumentId: z.string().nullable().default(null),
  /**
   * The word table's stop words as this user edited them (null: the English list as shipped).
   * A reading choice like the others here, so it needs no change to the project's files; the
   * word table's export lists the stop words it used, so a count can be reproduced.
   */
  stopWords: z.array(z.string().max(100)).max(10_000).nullable().default(null),
});

export const appSettingsSchema = z.object({
  schemaVersion: z.literal(1),
  coderName: withNameRule(z.string()).nullable(),
  recentProjects: z.array(recentProjectSchema),
  /** False once the user closed their project: the next launch shows the start screen instead of reopening it. */
  reopenLastProject: z.boolean().default(true),
  /** By project id, so a project keeps its place when its folder moves. */
  workspaces: z.record(z.string(), workspaceSchema).default({}),
});

export type CodeDescription = z.infer<typeof codeDescriptionSchema>;
export type Code = z.infer<typeof codeSchema>;
export type AttributeType = z.infer<typeof attributeTypeSchema>;
export type AttributeDef = z.infer<typeof attributeDefSchema>;
export type AttributeValue = z.infer<typeof attributeValueSchema>;
export type DocumentMeta = z.infer<typeof documentMetaSchema>;
export type Coder = z.infer<typeof coderSchema>;
export type AttributeValues = z.infer<typeof attributeValuesSchema>;
export type DocumentSet = z.infer<typeof documentSetSchema>;
export type SavedQuery = z.infer<typeof savedQuerySchema>;
export type ProjectInfo = z.infer<typeof projectInfoSchema>;
export type DoneMark = z.infer<typeof doneMarkSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type ProjectFile = z.infer<typeof projectFileSchema>;
export type Turn = z.infer<typeof turnSchema>;
export type TurnsFile = z.infer<typeof turnsFileSchema>;
export type Coding = z.infer<typeof codingSchema>;
export type MemoTarget = z.infer<typeof memoTargetSchema>;
export type Memo = z.infer<typeof memoSchema>;
export type CoderFile = z.infer<typeof coderFileSchema>;
export type CoderProfile = z.infer<typeof coderProfileSchema>;
export type RecentProject = z.infer<typeof recentProjectSchema>;
export type AppSettings = z.infer<typeof appSettingsSchema>;
export type WorkspaceSettings = z.infer<typeof workspaceSchema>;
