import { describe, expect, it } from 'vitest';
import { multipartBoundary, parseMultipart } from './multipart';

describe('parseMultipart', () => {
  it("reads grammY's compact parts, with an unquoted file name that has a space", () => {
    const boundary = '----------abc123';
    const body = Buffer.from(
      `--${boundary}\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n42` +
        `\r\n--${boundary}\r\ncontent-disposition:form-data;name="document"\r\n\r\nattach://f1` +
        `\r\n--${boundary}\r\ncontent-disposition:form-data;name="f1";filename=my report.csv\r\n` +
        `content-type:application/octet-stream\r\n\r\na,b\r\n1,2\r\n--${boundary}--\r\n`,
    );
    const parts = parseMultipart(body, boundary);
    expect(parts.map(({ name, filename, contentType }) => ({ name, filename, contentType }))).toEqual([
      { name: 'chat_id', filename: undefined, contentType: undefined },
      { name: 'document', filename: undefined, contentType: undefined },
      { name: 'f1', filename: 'my report.csv', contentType: 'application/octet-stream' },
    ]);
    expect(parts[2]?.data.toString()).toBe('a,b\r\n1,2');
  });

  it('finds a quoted or bare boundary in the content type', () => {
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('multipart/form-data; boundary=xyz')).toBe('xyz');
  });
});
