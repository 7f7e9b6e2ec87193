import { MAIN } from './package-parts';
/**
 * The workbook's one styles part. Every cell is top-aligned (a row of long coded passages
 * reads from its top); text wraps; dates, percentages and three-decimal figures have their
 * number formats; header cells are bold with a rule beneath. Cells of style 0 (text, plain
 * numbers) need no style attribute at all, which keeps the sheets small.
 */

export type ColumnType = 'text' | 'number' | 'date' | 'datetime' | 'percent' | 'decimal';

/** Cell format index (cellXfs) for a value in a column of each type. */
export const cellStyle: Record<ColumnType, number> = { text: 0, number: 0, date: 1, datetime: 2, percent: 3, decimal: 4 };
export const HEADER_STYLE = 5;

export const numberFormats = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm', percent: '0.0%', decimal: '0.000' } as const;

const font = (bold: boolean) => `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
const top = '<alignment vertical="top"/>';
const wrapTop = '<alignment wrapText="1" vertical="top"/>';

function xf(numFmtId: number, alignment: string, extra = ''): string {
  const formatted = numFmtId === 0 ? '' : ' applyNumberFormat="1"';
  return `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0"${formatted}${extra} applyAlignment="1">${alignment}</xf>`;
}

export const stylesXml = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
  `<styleSheet xmlns="${MAIN}">`,
  '<numFmts count="4">',
  `<numFmt numFmtId="164" formatCode="${numberFormats.date}"/>`,
  `<numFmt numFmtId="165" formatCode="${numberFormats.datetime}"/>`,
  `<numFmt numFmtId="166" formatCode="${numberFormats.percent}"/>`,
  `<numFmt numFmtId="167" formatCode="${numberFormats.decimal}"/>`,
  '</numFmts>',
  `<fonts count="2">${font(false)}${font(true)}</fonts>`,
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>',
  '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>',
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
  '<cellXfs count="6">',
  xf(0, wrapTop),
  xf(164, top),
  xf(165, top),
  xf(166, top),
  xf(167, top),
  xf(0, wrapTop, ' applyFont="1" applyBorder="1"').replace('fontId="0"', 'fontId="1"').replace('borderId="0"', 'borderId="1"'),
  '</cellXfs>',
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
  '</styleSheet>',
].join('');
