/**
 * Writes small, valid PDF files for tests: text placed where a test says (Helvetica, no
 * embedded font), pages with no text at all (as a scan without OCR has), an /Encrypt
 * dictionary (a password-protected file). Offsets in the xref table are computed, so every
 * file opens in any reader.
 */

export interface PdfText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

export interface PdfPage {
  /** Text runs, each drawn at its own position (PDF points, origin bottom left). */
  texts?: PdfText[];
  /** A filled rectangle: ink on the page that is not text. */
  drawing?: boolean;
}

export interface PdfOptions {
  /** Adds an /Encrypt dictionary whose user password is not empty. */
  encrypted?: boolean;
  width?: number;
  height?: number;
}

const escapePdfString = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

function contentStream(page: PdfPage): string {
  const ops: string[] = [];
  if (page.drawing) ops.push('0.5 g 72 72 200 300 re f');
  for (const t of page.texts ?? []) ops.push(`BT /F1 ${t.size ?? 11} Tf ${t.x} ${t.y} Td (${escapePdfString(t.text)}) Tj ET`);
  return ops.join('\n');
}

export function makePdf(pages: PdfPage[], options: PdfOptions = {}): Uint8Array {
  const width = options.width ?? 612;
  const height = options.height ?? 792;
  // Objects: 1 catalog, 2 page tree, 3 font, then per page its page object and content stream.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((page, i) => {
    const id = pageIds[i]!;
    const stream = contentStream(page);
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  const encryptId = objects.length;
  if (options.encrypted) {
    const hex32 = (byte: string) => `<${byte.repeat(32)}>`;
    objects[encryptId] = `<< /Filter /Standard /V 1 /R 2 /O ${hex32('a1')} /U ${hex32('b2')} /P -4 >>`;
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  const encrypt = options.encrypted ? ` /Encrypt ${encryptId} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]` : '';
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
