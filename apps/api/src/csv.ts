/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet does not run it as a formula. */
export const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A CSV document: a header row and data rows, CRLF line ends (RFC 4180). */
export const csvDocument = (rows: ReadonlyArray<ReadonlyArray<unknown>>): string =>
  `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
