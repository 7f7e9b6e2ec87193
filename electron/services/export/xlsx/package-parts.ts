import { xmlEscape } from './spreadsheet-text';

/**
 * The small parts of an .xlsx package around its worksheets. Content types go first and name
 * worksheets by extension (every .xml part that is not overridden is a worksheet), so they
 * can be written before anyone knows how many sheets there will be; the workbook and its
 * relationships, which list the sheets, go last.
 */

// The http:// strings below are XML namespace names (identifiers fixed by the Office Open XML
// standard); nothing ever fetches them.
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'; // namespace name, never fetched
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'; // namespace name, never fetched
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships'; // namespace name, never fetched
const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types'; // namespace name, never fetched
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export const contentTypesXml =
  `${XML_HEAD}<Types xmlns="${CONTENT_TYPES}">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  `<Default Extension="xml" ContentType="${TYPE}.worksheet+xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>` +
  `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.sharedStrings+xml"/>` +
  '</Types>';

export const rootRelsXml =
  `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
  `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

export const worksheetPath = (index: number) => `xl/worksheets/sheet${index + 1}.xml`;

export interface WrittenSheet {
  name: string;
  /** The last column's letters and the last row's number (1 for a sheet with only its header). */
  lastColumn: string;
  lastRow: number;
}

/** 'Name'!$A$1:$K$20, the sheet name quoted as Excel requires ('It''s'). */
function absolute(sheet: WrittenSheet, range: string): string {
  return `'${sheet.name.replace(/'/g, "''")}'!${range}`;
}

export function workbookXml(sheets: readonly WrittenSheet[]): string {
  const entries = sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // Filters, and the header row repeated at the top of every printed page.
  const names = sheets
    .flatMap((s, i) => [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(absolute(s, `$A$1:$${s.lastColumn}$${s.lastRow}`))}</definedName>`,
      `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(absolute(s, '$1:$1'))}</definedName>`,
    ])
    .join('');
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${entries}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    '</workbook>'
  );
}

export function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  return (
    `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${sheets.join('')}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>'
  );
}

export function sharedStringsXml(strings: readonly string[], references: number): string {
  return `${XML_HEAD}<sst xmlns="${MAIN}" count="${references}" uniqueCount="${strings.length}">${strings.join('')}</sst>`;
}

/** A worksheet's start: page setup, the frozen header row, column widths, then its rows. */
export function worksheetHead(widths: readonly number[], first: boolean): string {
  // Excel's width includes 5 pixels of padding, in characters of a 7-pixel digit.
  const excelWidth = (characters: number) => Math.round(((characters * 7 + 5) / 7) * 256) / 256;
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${excelWidth(w)}" customWidth="1"/>`).join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0">` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>'
  );
}

/**
 * A worksheet's end: the filter on the header row, and printing landscape, fitted to the
 * page width (as many pages down as it takes), with the sheet's name and the page number in
 * the footer.
 */
export function worksheetTail(sheet: WrittenSheet): string {
  const range = sheet.lastColumn === 'A' && sheet.lastRow === 1 ? 'A1' : `A1:${sheet.lastColumn}${sheet.lastRow}`;
  return (
    '</sheetData>' +
    `<autoFilter ref="${range}"/>` +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '<headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>' +
    '</worksheet>'
  );
}
