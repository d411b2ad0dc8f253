/** A CSV cell value; null is an empty cell. */
export type CsvValue = string | number | null;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote, CR or LF, with quotes doubled. Text
 * that a spreadsheet would run as a formula (leading = + - @, tab or CR) gets a leading
 * apostrophe first: the ICB opens these files in Excel, and names come from users.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: a header row then the rows, CRLF line ends, ending with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
