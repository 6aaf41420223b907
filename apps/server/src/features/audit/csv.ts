/**
 * CSV per RFC 4180 (CRLF line ends; a field with a comma, quote or line break is quoted, quotes
 * doubled), safe to open in a spreadsheet: a cell starting with = + - @ (or a tab or carriage
 * return) is prefixed with ' so it is shown as text, never run as a formula (OWASP CSV injection).
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
