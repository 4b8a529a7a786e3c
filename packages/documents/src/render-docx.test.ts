import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocumentShapeError, type OfficialDocument } from './official-document.ts';
import { renderDocx } from './render-docx.ts';
import { englishReport, longReport, russianReport, sampleHash } from './test-documents.ts';

/** Unzips the DOCX as Word would and returns its parts as text. */
function openDocx(bytes: Buffer): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(bytes)))) parts[name] = strFromU8(data);
  return parts;
}

function part(parts: Record<string, string>, name: string): string {
  const xml = parts[name];
  if (xml === undefined) throw new Error(`${name} is missing from the DOCX`);
  return xml;
}

const entities: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};
const decodeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => entities[entity] ?? entity);

/** The text of each paragraph (<w:p>), table cells' paragraphs included, in document order. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((text) => decodeXml(text[1] ?? ''))
      .join(''),
  );
}

/** The XML of the run (<w:r>) whose text is exactly `text`. */
function runOf(xml: string, text: string): string {
  const run = [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].find((match) => match[0].includes(`>${text}</w:t>`));
  if (!run) throw new Error(`no run reads "${text}"`);
  return run[0];
}

describe('renderDocx', () => {
  it('writes the Russian report with the commission heading, its Cyrillic text, a table, lists and the version', async () => {
    const parts = openDocx(await renderDocx(russianReport));
    const xml = part(parts, 'word/document.xml');
    const texts = paragraphs(xml);

    expect(texts.slice(0, 7)).toEqual([
      'Содружество Независимых Государств',
      'Межгосударственная комиссия по сотрудничеству',
      'Ежегодный доклад о ходе работы за 2026 год',
      'Представляется Генеральному секретарю',
      'Минск, 12 марта 2027 г.',
      'Версия 4 · Утверждено: Председатель комиссии А. В. Петров, 10 марта 2027 г.',
      `Контрольная сумма: ${sampleHash}`,
    ]);
    expect(texts).toContain('1. Заседания комиссии');
    expect(texts).toContain(
      'В отчётном году проведено три заседания при установленном уставом минимуме в два; кворум обеспечен на всех. Протоколы опубликованы на портале комиссии.',
    );
    expect(texts).toContain('О гармонизации таможенных процедур — принята консенсусом.');
    expect(texts).toContain('Имя в тексте: <script>& «кавычки»');
    // escaped in the XML, not raw markup
    expect(xml).toContain('Имя в тексте: &lt;script&gt;&amp; «кавычки»');

    const table = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? '';
    // biome-ignore format: a table row per line
    expect(paragraphs(table)).toEqual([
      '№', 'Дата', 'Место', 'Присутствовали',
      '1', '14 февраля 2026 г.', 'Минск', '9 из 11 государств',
      '2', '20 июня 2026 г.', 'Астана', '11 из 11 государств',
      '3', '3 ноября 2026 г.', 'Ереван', '10 из 11 государств',
    ]);
    // the header row repeats on every page; the body rows do not
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((row) => row[0]);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');

    const footer = part(parts, 'word/footer1.xml');
    expect(paragraphs(footer).join('')).toBe('Версия 4 (3f9a2c7d41be)Страница  из ');
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(footer).toContain('<w:instrText xml:space="preserve">NUMPAGES</w:instrText>');

    expect(part(parts, 'word/styles.xml')).toContain('<w:lang w:val="ru-RU"/>');
    expect(part(parts, 'docProps/core.xml')).toContain(
      '<dc:title>Ежегодный доклад о ходе работы за 2026 год</dc:title>',
    );
  });

  it('marks bold runs with <w:b/> and italic runs with <w:i/>, and only those', async () => {
    const xml = part(openDocx(await renderDocx(russianReport)), 'word/document.xml');
    expect(runOf(xml, 'три заседания')).toContain('<w:b/>');
    expect(runOf(xml, 'О гармонизации таможенных процедур')).toContain('<w:b/>');
    expect(runOf(xml, 'кворум обеспечен на всех')).toContain('<w:i/>');
    expect(runOf(xml, 'кворум обеспечен на всех')).not.toContain('<w:b/>');
    expect(runOf(xml, 'В отчётном году проведено ')).not.toMatch(/<w:[bi][ />]/);
    expect(runOf(xml, 'Присутствовали')).toContain('<w:b/>');
    expect(runOf(xml, '20 июня 2026 г.')).not.toContain('<w:b/>');
  });

  it('links runs to their addresses and numbers each ordered list from one', async () => {
    const parts = openDocx(await renderDocx(russianReport));
    const xml = part(parts, 'word/document.xml');
    const link = xml.match(/<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>[\s\S]*?<\/w:hyperlink>/);
    expect(link?.[0]).toContain('>портале комиссии</w:t>');
    const relationship = part(parts, 'word/_rels/document.xml.rels').match(
      new RegExp(`<Relationship [^>]*Id="${link?.[1]}"[^>]*/>`),
    )?.[0];
    expect(relationship).toContain('Target="https://accord.example/minutes"');
    expect(relationship).toContain('TargetMode="External"');

    // two items in the numbered list share one numbering; the bulleted list has another
    const numIds = [...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1]);
    expect(numIds).toHaveLength(4);
    expect(numIds[0]).toBe(numIds[1]);
    expect(numIds[2]).toBe(numIds[3]);
    expect(numIds[0]).not.toBe(numIds[2]);
    const numbering = part(parts, 'word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
  });

  it('writes the English report with English labels', async () => {
    const parts = openDocx(await renderDocx(englishReport));
    const texts = paragraphs(part(parts, 'word/document.xml'));
    expect(texts).toContain('Interstate Commission on Cooperation');
    expect(texts).toContain('Version 4 · Approved by A. V. Petrov, Chairman on 10 March 2027');
    expect(texts).toContain(`Content hash: ${sampleHash}`);
    expect(texts).toContain('10 of 11 states');
    expect(paragraphs(part(parts, 'word/footer1.xml')).join('')).toBe('Version 4 (3f9a2c7d41be)Page  of ');
    expect(part(parts, 'word/styles.xml')).toContain('<w:lang w:val="en-GB"/>');
  });

  it('gives every numbered list of a 200-section report its own numbering', async () => {
    const started = performance.now();
    const bytes = await renderDocx(longReport(200));
    console.info(
      `renderDocx: 200 sections in ${Math.round(performance.now() - started)} ms, ${bytes.length} bytes`,
    );
    const xml = part(openDocx(bytes), 'word/document.xml');
    const texts = paragraphs(xml);
    expect(texts).toContain('200. Направление работы № 200');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(200);
    expect(new Set([...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1])).size).toBe(200);
  });

  it('refuses a table row wider than its header', async () => {
    const wide: OfficialDocument = {
      ...englishReport,
      sections: [{ title: 'Wide', blocks: [{ kind: 'table', header: ['A'], rows: [['1', '2']] }] }],
    };
    await expect(renderDocx(wide)).rejects.toThrow(DocumentShapeError);
  });
});
