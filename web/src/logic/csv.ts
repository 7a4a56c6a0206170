// CSV as Japanese spreadsheets open it: UTF-8 with a byte-order mark (Excel otherwise guesses Shift_JIS),
// CRLF line ends, and every field that needs it quoted (RFC 4180).

export type CsvCell = string | number | boolean | null;

const quoted = (cell: CsvCell): string => {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return `\uFEFF${rows.map((row) => row.map(quoted).join(',')).join('\r\n')}\r\n`;
}
