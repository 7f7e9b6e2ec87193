/**
 * Older project files, brought forward to the current format when they are read. A migrated
 * file is validated like any other and written in the new format at its next save; its backups
 * stay as they were and are migrated again if they are ever restored.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Gives each entity its position as its rank: the order the file listed them in. */
function ranked(list: unknown): unknown {
  return Array.isArray(list) ? list.map((item, rank) => (isObject(item) ? { ...item, rank } : item)) : list;
}

/** v1 kept "no value" as null; v2 leaves the attribute out. */
function withoutNulls(values: unknown): unknown {
  if (!isObject(values)) return values;
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
}

export function migrateProjectFile(raw: unknown): unknown {
  if (!isObject(raw) || raw.schemaVersion !== 1) return raw;
  const documents = Array.isArray(raw.documents)
    ? raw.documents.map((d, rank) => (isObject(d) ? { ...d, attributes: withoutNulls(d.attributes), rank } : d))
    : raw.documents;
  return {
    ...raw,
    schemaVersion: 2,
    codebook: ranked(raw.codebook),
    attributes: ranked(raw.attributes),
    documents,
    coders: ranked(raw.coders),
    sets: [],
    queries: [],
  };
}

export function migrateCoderFile(raw: unknown): unknown {
  if (!isObject(raw) || raw.schemaVersion !== 1) return raw;
  return { ...raw, schemaVersion: 2, done: [], decisions: [] };
}
