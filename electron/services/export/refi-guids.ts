import { createHash } from 'node:crypto';

/**
 * GUIDs for a REFI-QDA export. An id that is already a UUID is used as it is; any other id
 * (and things with no id of their own: selections, variables) gets a name-based UUID (version
 * 5, SHA-1) from the project id and the entity, so every export of the same project uses the
 * same GUIDs and another program re-importing it recognises what it already has.
 */

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Marginalia's namespace for name-based UUIDs (itself a random v4 UUID, fixed forever). */
const MARGINALIA_NAMESPACE = Buffer.from('6f1c2b7e9d4a4e0f8b3a5c6d7e8f9a0b', 'hex');

/** A version 5 UUID for `name` in Marginalia's namespace. */
export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(MARGINALIA_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Stable GUIDs for one project's entities; never the same GUID for two entities. */
export class GuidAssigner {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(private readonly projectId: string) {}

  guid(kind: string, id: string, ownIdAllowed = true): string {
    const key = `${kind}\u0000${id}`;
    const known = this.byKey.get(key);
    if (known) return known;
    let guid = ownIdAllowed && UUID.test(id) ? id : nameBasedUuid(`${this.projectId}/${kind}/${id}`);
    for (let n = 2; this.used.has(guid.toLowerCase()); n++) guid = nameBasedUuid(`${this.projectId}/${kind}/${id}/${n}`);
    this.used.add(guid.toLowerCase());
    this.byKey.set(key, guid);
    return guid;
  }

  /** The GUID given earlier, if any (for references, which must point at something defined). */
  existing(kind: string, id: string): string | undefined {
    return this.byKey.get(`${kind}\u0000${id}`);
  }
}
