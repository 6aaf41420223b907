import PDFDocument from 'pdfkit';
import type { StatementVisit } from '@ourchart/contracts';
import { formatDay, numberPages } from '../exports/pdf.ts';
import type { PdfLocale } from '../exports/pdf-words.ts';
import { formatUsd, toCents } from './billing-math.ts';

/** The billing PDFs' own words, en/es (services keep the names the clinic billed them under). */
const WORDS = {
  en: {
    statement: 'Your billing statement', receipt: 'Payment receipt', patient: 'Patient', guarantor: 'Responsible person', clinic: 'Clinic',
    made: 'Made on', balance: 'Balance due', pending: 'Waiting to be paid at the front desk', due: 'Pay by', visit: 'Visit on {date}',
    with: 'with {who}', at: 'at {where}', none: 'You have no visits to show.',
    cols: ['Service', 'Charge', 'Insurance paid', 'Adjustment', 'You owe'],
    totals: 'Totals', paid: 'Paid', help: 'Financial help', left: 'Left to pay', pendingInsurance: 'Waiting for your insurance. You owe nothing for this visit yet.',
    receiptNumber: 'Receipt number', amount: 'Amount paid', date: 'Date paid', method: 'Paid by', thanks: 'Thank you for your payment.',
    methods: { card: 'Card', 'front-desk': 'At the front desk', 'card-on-file': 'Card on file', cash: 'Cash', check: 'Check' } as Record<string, string>,
    page: 'Page {n} of {total}',
  },
  es: {
    statement: 'Su estado de cuenta', receipt: 'Recibo de pago', patient: 'Paciente', guarantor: 'Persona responsable', clinic: 'Clínica',
    made: 'Hecho el', balance: 'Saldo a pagar', pending: 'Pagos pendientes en la recepción', due: 'Pague antes del', visit: 'Visita del {date}',
    with: 'con {who}', at: 'en {where}', none: 'No tiene visitas para mostrar.',
    cols: ['Servicio', 'Cargo', 'Pagó el seguro', 'Ajuste', 'Usted debe'],
    totals: 'Totales', paid: 'Pagado', help: 'Ayuda financiera', left: 'Falta pagar', pendingInsurance: 'Esperando a su seguro. Todavía no debe nada por esta visita.',
    receiptNumber: 'Número de recibo', amount: 'Cantidad pagada', date: 'Fecha de pago', method: 'Forma de pago', thanks: 'Gracias por su pago.',
    methods: { card: 'Tarjeta', 'front-desk': 'En la recepción', 'card-on-file': 'Tarjeta registrada', cash: 'Efectivo', check: 'Cheque' } as Record<string, string>,
    page: 'Página {n} de {total}',
  },
} as const;

const MARGIN = 50;
const WIDTHS = [200, 78, 78, 78, 78];
const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));
const money = (dollars: number, locale: PdfLocale) => formatUsd(toCents(dollars), locale);

/** A text PDF (searchable, readable aloud): draw, then page numbers, then the bytes. */
async function renderPdf(title: string, locale: PdfLocale, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: MARGIN, bufferPages: true, lang: locale, info: { Title: title, Creator: 'OurChart' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(20).text(title);
  doc.moveDown(0.5).fontSize(11);
  draw(doc);
  numberPages(doc, (n, total) => fill(WORDS[locale].page, { n, total }));
  doc.end();
  return done;
}

function labelled(doc: PDFKit.PDFDocument, rows: [string, string][]) {
  for (const [label, value] of rows) doc.font('Helvetica-Bold').fontSize(11).fillColor('black').text(`${label}: `, MARGIN, undefined, { continued: true }).font('Helvetica').text(value);
}

function cells(doc: PDFKit.PDFDocument, values: string[], font: string) {
  doc.font(font).fontSize(9).fillColor('black');
  const height = Math.max(...values.map((v, i) => doc.heightOfString(v, { width: WIDTHS[i]! - 6 })));
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  let x = MARGIN;
  values.forEach((v, i) => {
    doc.text(v, x, top, { width: WIDTHS[i]! - 6, align: i === 0 ? 'left' : 'right' });
    x += WIDTHS[i]!;
  });
  doc.x = MARGIN;
  doc.y = top + height + 4;
}

export type StatementPdfInput = {
  patientName: string; guarantor: string; clinic: string; balanceDue: number; pendingAmount: number; dueDate: string | null;
  statements: StatementVisit[]; generatedAt: Date; locale: PdfLocale;
};

/** The statement: balance, then one table per visit (charge, insurance paid, adjustment, you owe), newest first. */
export function renderStatementPdf(input: StatementPdfInput): Promise<Buffer> {
  const w = WORDS[input.locale];
  const l = input.locale;
  return renderPdf(w.statement, l, (doc) => {
    labelled(doc, [
      [w.patient, input.patientName], [w.guarantor, input.guarantor], [w.clinic, input.clinic],
      [w.made, formatDay(input.generatedAt.toISOString(), l)], [w.balance, money(input.balanceDue, l)],
      ...(input.pendingAmount > 0 ? [[w.pending, money(input.pendingAmount, l)] as [string, string]] : []),
      ...(input.dueDate && input.balanceDue > 0 ? [[w.due, formatDay(input.dueDate, l)] as [string, string]] : []),
    ]);
    if (input.statements.length === 0) doc.moveDown().text(w.none, MARGIN);
    for (const v of input.statements) {
      if (doc.y + 90 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text(fill(w.visit, { date: formatDay(v.date, l) }), MARGIN);
      const where = [v.clinician && fill(w.with, { who: v.clinician }), v.location && fill(w.at, { where: v.location })].filter(Boolean).join(' ');
      if (where) doc.font('Helvetica').fontSize(10).text(where, MARGIN);
      doc.moveDown(0.3);
      cells(doc, [...w.cols], 'Helvetica-Bold');
      for (const i of v.items) cells(doc, [`${i.description}${i.code ? ` (${i.code})` : ''}`, money(i.charge, l), money(i.insurancePaid, l), money(i.adjustment, l), money(i.youOwe, l)], 'Helvetica');
      cells(doc, [w.totals, money(v.totals.charge, l), money(v.totals.insurancePaid, l), money(v.totals.adjustment, l), money(v.totals.youOwe, l)], 'Helvetica-Bold');
      const help = v.financialHelp > 0 ? `    ${w.help}: -${money(v.financialHelp, l)}` : '';
      doc.font('Helvetica').fontSize(10).text(v.status === 'pending-insurance' ? w.pendingInsurance : `${w.paid}: ${money(v.paid, l)}${help}    ${w.left}: ${money(v.balance, l)}`, MARGIN);
    }
  });
}

export type ReceiptPdfInput = { patientName: string; clinic: string; receiptNumber: string; amount: number; postedAt: string; method: string; locale: PdfLocale };

/** The receipt of one succeeded payment. No visits or services: only who paid what, when, to whom. */
export function renderReceiptPdf(input: ReceiptPdfInput): Promise<Buffer> {
  const w = WORDS[input.locale];
  return renderPdf(w.receipt, input.locale, (doc) => {
    labelled(doc, [
      [w.receiptNumber, input.receiptNumber], [w.patient, input.patientName], [w.clinic, input.clinic],
      [w.amount, money(input.amount, input.locale)], [w.date, formatDay(input.postedAt, input.locale)], [w.method, w.methods[input.method] ?? input.method],
    ]);
    doc.moveDown().font('Helvetica').text(w.thanks, MARGIN);
  });
}
