import PDFDocument from 'pdfkit';
import type { RecordItem, RecordSummarySection } from '@ourchart/contracts';
import { fill, PDF_WORDS, type PdfLocale } from './pdf-words.ts';

export type PdfInput = {
  patientName: string;
  birthDate: string | null;
  range: { from: string; to: string };
  generatedAt: Date;
  sections: RecordSummarySection[];
  locale: PdfLocale;
};

const MARGIN = 50;
const COLUMNS = [
  { key: 'name', width: 170 },
  { key: 'date', width: 78 },
  { key: 'status', width: 82 },
  { key: 'detail', width: 182 },
] as const;

/**
 * The record as a text-based PDF for people to read or print: who it is about, which dates, one
 * heading per section and a table (what, date, status, details), page numbers, and when it was
 * made. Text, not images, so it can be searched, copied and read aloud.
 */
export async function renderRecordPdf(input: PdfInput): Promise<Buffer> {
  const w = PDF_WORDS[input.locale];
  const doc = new PDFDocument({ size: 'LETTER', margin: MARGIN, bufferPages: true, lang: input.locale, info: { Title: w.title, Creator: 'OurChart' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const date = (iso: string | null) => (iso ? formatDay(iso, input.locale) : '');

  doc.font('Helvetica-Bold').fontSize(20).text(w.title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).text(w.intro);
  doc.moveDown(0.6).fontSize(11);
  for (const [label, value] of [
    [w.name, input.patientName],
    [w.birthDate, date(input.birthDate)],
    [w.range, fill(w.rangeValue, { from: date(input.range.from), to: date(input.range.to) })],
    [w.generated, formatMoment(input.generatedAt, input.locale)],
  ] as const) {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  }

  for (const section of input.sections) {
    ensureRoom(doc, 60);
    doc.moveDown(1).font('Helvetica-Bold').fontSize(14).fillColor('black').text(w.sections[section.key], MARGIN);
    doc.moveDown(0.3);
    if (section.items.length === 0) {
      doc.font('Helvetica').fontSize(10).text(w.nothing, MARGIN);
      continue;
    }
    header(doc, w.columns);
    for (const item of section.items) row(doc, item, w, date);
  }

  numberPages(doc, (n, total) => fill(w.page, { n, total }));
  doc.end();
  return done;
}

/**
 * Writes "Page n of total" at the foot of every page of a document made with bufferPages: last,
 * once the page count is known; bottom margin off so the footer does not add a page.
 */
export function numberPages(doc: PDFKit.PDFDocument, label: (n: number, total: number) => string) {
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(9).fillColor('#333333')
      .text(label(i + 1, pages.count), MARGIN, doc.page.height - 35, { width: doc.page.width - 2 * MARGIN, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function header(doc: PDFKit.PDFDocument, columns: Record<(typeof COLUMNS)[number]['key'], string>) {
  cells(doc, COLUMNS.map((c) => columns[c.key]), 'Helvetica-Bold');
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + 512, doc.y).lineWidth(0.5).strokeColor('#666666').stroke();
  doc.y += 3;
}

function row(doc: PDFKit.PDFDocument, item: RecordItem, w: (typeof PDF_WORDS)[PdfLocale], date: (iso: string | null) => string) {
  const status = item.status ? (w.statuses[item.status] ?? item.status) : '';
  const values = [item.name, date(item.date), status, item.detail ?? ''];
  doc.font('Helvetica').fontSize(9);
  const height = Math.max(...values.map((v, i) => doc.heightOfString(v, { width: COLUMNS[i]!.width - 6 })));
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    header(doc, w.columns);
  }
  cells(doc, values, 'Helvetica');
}

function cells(doc: PDFKit.PDFDocument, values: string[], font: string) {
  doc.font(font).fontSize(9).fillColor('black');
  const top = doc.y;
  let x = MARGIN;
  let bottom = top;
  values.forEach((value, i) => {
    const width = COLUMNS[i]!.width - 6;
    doc.text(value, x, top, { width });
    bottom = Math.max(bottom, doc.y);
    x += COLUMNS[i]!.width;
  });
  doc.x = MARGIN;
  doc.y = bottom + 4;
}

/** "Jan 5, 2024" / "5 ene 2024" for a calendar day, read as written (no time-zone shift). */
export function formatDay(iso: string, locale: PdfLocale): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

function formatMoment(at: Date, locale: PdfLocale): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(at) + ' UTC';
}
