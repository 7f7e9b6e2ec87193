import { readArchive } from '../archive';
import type { ArchiveEntries } from '../archive';
import { ImportError } from '../types';
import type { SourceFile } from '../types';
import { decodeXmlBytes } from '../xml-text';
import { parseQdc, parseQde } from './parse-qde';
import type { RefiCode, RefiProject } from './refi-model';

/** Reading a REFI-QDA file: the archive or bare XML, its parsed project or codebook, and the texts it ships. */

// ---------------------------------------------------------------------------------------------
// The container: a .qdpx archive, or a bare .qde/.qdc.

export interface Container {
  /** The .qde inside the archive, for messages; undefined for a bare XML file. */
  part?: string;
  xml: string;
  /** Finds a file the XML refers to (internal://…, or a bare relative name). */
  resolve(path: string): { bytes?: Uint8Array; external: boolean };
}

function looksLikeXml(bytes: Uint8Array): boolean {
  return decodeXmlBytes(bytes.subarray(0, 64)).replace(/^\ufeff/, '').trimStart().startsWith('<');
}

const isJunk = (name: string) => /(^|\/)__MACOSX\//i.test(name) || /(^|\/)\._/.test(name);
const depth = (name: string) => name.split('/').length - 1;

async function openContainer(file: SourceFile, kind: 'project' | 'codebook'): Promise<Container> {
  if (looksLikeXml(file.bytes)) {
    return { xml: decodeXmlBytes(file.bytes), resolve: () => ({ external: false }) };
  }
  const entries: ArchiveEntries = await readArchive(file, {
    wanted: (name) => !isJunk(name) && (/\.qde$/i.test(name) ? depth(name) <= 1 : kind === 'project' && /\.txt$/i.test(name)),
  });
  const qdes = [...entries.keys()].filter((n) => /\.qde$/i.test(n) && !isJunk(n));
  // The .qde at the root; failing that, one folder down (an export zipped with its folder).
  let found = qdes.filter((n) => depth(n) === 0);
  if (found.length === 0) found = qdes.filter((n) => depth(n) === 1);
  if (found.length === 0) {
    throw new ImportError(file.name, 'contains no project.qde, so it is not a REFI-QDA project export (.qdpx)');
  }
  if (found.length > 1) {
    throw new ImportError(
      file.name,
      `contains ${found.length} project files (${found.join(', ')}); a REFI-QDA export has exactly one, so it is not clear which to import`,
    );
  }
  const part = found[0]!;
  const base = part.slice(0, part.lastIndexOf('/') + 1);
  const index = new Map<string, string>();
  for (const name of entries.keys()) index.set(name.normalize('NFC').toLowerCase(), name);
  const lookup = (path: string) => {
    const key = index.get(path.normalize('NFC').toLowerCase());
    return key === undefined ? undefined : entries.get(key);
  };
  return {
    part,
    xml: decodeXmlBytes(entries.get(part)!),
    resolve(path) {
      const url = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(path.trim());
      if (url && url[1]!.toLowerCase() !== 'internal') return { external: true };
      const bare = (url ? url[2]! : path.trim()).replace(/\\/g, '/').replace(/^\/+/, '');
      const names = [bare];
      try {
        const decoded = decodeURIComponent(bare);
        if (decoded !== bare) names.push(decoded);
      } catch {
        // Not percent-encoded: the name as written is all there is.
      }
      for (const name of names) {
        for (const candidate of [`${base}sources/${name}`, `${base}${name}`, `sources/${name}`, name]) {
          const bytes = lookup(candidate);
          if (bytes) return { bytes, external: false };
        }
      }
      return { external: false };
    },
  };
}

/** Plain text as REFI-QDA ships it: UTF-8 (a BOM is allowed), or UTF-16 when a BOM says so. */
export function decodeSourceText(bytes: Uint8Array): { text: string; warning?: string } | { error: string } {
  let text: string;
  let warning: string | undefined;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  } else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
      warning = 'is not valid UTF-8: characters that could not be read are shown as �, and selections after them may be shifted';
    }
  }
  if (text.includes('\0')) return { error: 'its text file holds binary data, not text' };
  return warning ? { text, warning } : { text };
}

export interface RefiFile {
  file: SourceFile;
  container: Container;
  project?: RefiProject;
  codebook?: RefiCode[];
  origin: string | undefined;
}

export async function readRefiFile(file: SourceFile, kind: 'project' | 'codebook'): Promise<RefiFile> {
  const container = await openContainer(file, kind);
  if (kind === 'codebook') {
    const codebook = parseQdc(container.xml, file.name, container.part);
    return { file, container, codebook: codebook.codes, origin: codebook.origin };
  }
  const project = parseQde(container.xml, file.name, container.part);
  return { file, container, project, origin: project.origin };
}

