import { describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../../shared/api/dispatch';
import { parseDocumentFile } from '../../../electron/services/import/parse-document';
import { parseRefiXml } from '../../../electron/services/import/refi/parse-qde';
import { importLimits } from '../../../electron/services/import/types';
import { MAX_XML_DEPTH, xmlDepth } from '../../../electron/services/import/xml-text';
import { sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';
import { makeZip } from '../import/zip-helpers';

const tempDir = useTempDirs();

const nest = (depth: number, open: string, close: string): string => open.repeat(depth) + close.repeat(depth);

function odt(body: string): Promise<Uint8Array> {
  return makeZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', compress: false },
    {
      name: 'content.xml',
      data: `<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    },
  ]);
}

function docx(paragraph: string): Promise<Uint8Array> {
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>${paragraph}</w:p></w:body></w:document>`,
    },
  ]);
}

const codebook = (codes: string) => `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes}</Codes></CodeBook>`;
const code = '<Code guid="0f5f0bd6-4ad8-4b6a-9d4f-64c0c9d8f3a1" name="x" isCodable="true">';

describe('deeply nested XML', () => {
  it('is measured without recursion, ignoring comments, CDATA, declarations and quoted ">"', () => {
    expect(xmlDepth('<a><b/><c x="1>2" y=\'/>\'><d></d></c></a>')).toBe(3);
    expect(xmlDepth('<?xml version="1.0"?><!DOCTYPE a><!-- <x><y> --><a><![CDATA[<b><c>]]></a>')).toBe(1);
    expect(xmlDepth(nest(100_000, '<a>', '</a>'))).toBe(100_000);
    expect(xmlDepth(nest(100_000, '<a>', '</a>'), 10)).toBe(11);
  });

  // 9,000 levels overflowed the parsers' stacks: "Maximum call stack size exceeded", naming nothing.
  it.each([
    ['REFI-QDA codebook', async () => parseRefiXml(codebook(nest(9000, code, '</Code>')), 'deep.qdc')],
    ['OpenDocument text', async () => parseDocumentFile({ name: 'deep.odt', bytes: await odt(nest(9000, '<text:section>', '</text:section>')) }, { speakers: 'none' })],
    ['Word document', async () => parseDocumentFile({ name: 'deep.docx', bytes: await docx(nest(9000, '<w:r>', '</w:r>')) }, { speakers: 'none' })],
  ])('a %s 9,000 levels deep is refused as too deeply nested, naming the file', async (_kind, read) => {
    const error = await read().then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(error?.message).toMatch(new RegExp(`^deep\\.(qdc|odt|docx): is too deeply nested to read: .*more than ${MAX_XML_DEPTH} levels deep`));
    expect(error?.message).not.toMatch(/call stack/);
  });

  it('ordinary nesting still imports', async () => {
    const doc = await parseDocumentFile({ name: 'fine.docx', bytes: await docx(`${nest(100, '<w:r>', '</w:r>')}<w:r><w:t>Hello there</w:t></w:r>`) }, { speakers: 'none' });
    expect(doc.text).toBe('Hello there');
    const text = await parseDocumentFile({ name: 'fine.odt', bytes: await odt(nest(100, '<text:section>', '</text:section>') + '<text:p>Hello</text:p>') }, { speakers: 'none' });
    expect(text.text).toBe('Hello');
    expect(parseRefiXml(codebook(nest(100, code, '</Code>')), 'fine.qdc').kind).toBe('codebook');
  });
});

describe('oversize requests', () => {
  it('an upload over 100 MB is refused with a domain error naming the file, not INTERNAL', async () => {
    const backend = await sampleBackend(await tempDir());
    try {
      const base64 = Buffer.alloc(importLimits.maxFileBytes + 1).toString('base64');
      const { reply } = await dispatchRequest(backend.handlers, 'import.stage', { fileName: 'huge.txt', base64 });
      expect(reply).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'huge.txt: is larger than 100 MB (it is 100 MB): split it into smaller files and import those', file: 'huge.txt' } });
    } finally {
      await backend.shutdown();
    }
  });
});
