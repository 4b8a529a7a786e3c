import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { DocumentShapeError, type OfficialDocument } from './official-document.ts';
import { renderPdf } from './render-pdf.ts';
import { englishReport, longReport, russianReport, sampleHash } from './test-documents.ts';

interface PdfPage {
  /** The page's text, items joined as pdf.js extracts them, lines ending in "\n". */
  text: string;
  /** Each piece of text with the embedded font it is set in ("ABCDEF+DejaVuSerif-Bold"). */
  pieces: Array<{ text: string; font: string }>;
  links: string[];
}

/** Opens the PDF with pdf.js, as a reader would, and extracts every page's text, fonts and links. */
async function readPdf(bytes: Buffer): Promise<PdfPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
    .promise;
  const pages: PdfPage[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    await page.getOperatorList(); // loads the page's fonts into commonObjs
    const content = await page.getTextContent();
    const pieces: PdfPage['pieces'] = [];
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
      if (item.str.trim() !== '') {
        pieces.push({ text: item.str, font: (page.commonObjs.get(item.fontName) as { name: string }).name });
      }
    }
    const links = (await page.getAnnotations())
      .filter((annotation) => annotation.subtype === 'Link')
      .map((annotation) => String(annotation.url));
    pages.push({ text, pieces, links });
  }
  await pdf.destroy();
  return pages;
}

/** The text with line breaks as spaces and runs of spaces as one, as the eye reads it. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function fontOf(page: PdfPage, text: string): string {
  const piece = page.pieces.find((candidate) => candidate.text.includes(text));
  if (!piece) throw new Error(`"${text}" is not on the page`);
  return piece.font;
}

describe('renderPdf', () => {
  it('prints the Russian report with the commission heading, its Cyrillic text, a table, lists and the version', async () => {
    const pages = await readPdf(await renderPdf(russianReport));
    expect(pages).toHaveLength(1);
    const [page] = pages as [PdfPage];
    const text = flat(page.text);

    expect(text).toContain('Содружество Независимых Государств');
    expect(text).toContain('Межгосударственная комиссия по сотрудничеству');
    expect(text).toContain('Ежегодный доклад о ходе работы за 2026 год');
    expect(text).toContain('Представляется Генеральному секретарю');
    expect(text).toContain('Минск, 12 марта 2027 г.');
    expect(text).toContain('Версия 4 · Утверждено: Председатель комиссии А. В. Петров, 10 марта 2027 г.');
    expect(text).toContain(`Контрольная сумма: ${sampleHash}`);
    // the heading comes before the first section
    expect(text.indexOf('Межгосударственная комиссия')).toBeLessThan(text.indexOf('1. Заседания комиссии'));

    expect(text).toContain('В отчётном году проведено три заседания при установленном уставом');
    expect(text).toContain('Присутствовали');
    expect(text).toContain('20 июня 2026 г.');
    expect(text).toContain('11 из 11 государств');
    expect(text).toContain('О гармонизации таможенных процедур — принята консенсусом.');
    expect(text).toContain('2. О цифровом документообороте (ответы получены от 7 правительств)');
    expect(text).toContain('• Просроченные ответы: Государство А, Государство Б.');
    expect(text).toContain('Имя в тексте: <script>& «кавычки»');

    expect(text).toContain('Версия 4 (3f9a2c7d41be)');
    expect(text).toContain('Страница 1 из 1');
    expect(page.links).toEqual(['https://accord.example/minutes']);
  });

  it('sets bold runs and table headers in the embedded bold face and italic runs in the italic one', async () => {
    const [page] = (await readPdf(await renderPdf(russianReport))) as [PdfPage];
    expect(fontOf(page, 'три заседания')).toMatch(/\+DejaVuSerif-Bold$/);
    expect(fontOf(page, 'Присутствовали')).toMatch(/\+DejaVuSerif-Bold$/);
    expect(fontOf(page, 'кворум обеспечен на всех')).toMatch(/\+DejaVuSerif-Italic$/);
    expect(fontOf(page, 'при установленном уставом')).toMatch(/\+DejaVuSerif$/);
    expect(fontOf(page, '20 июня 2026 г.')).toMatch(/\+DejaVuSerif$/);
  });

  it('prints the English report with English labels', async () => {
    const [page] = (await readPdf(await renderPdf(englishReport))) as [PdfPage];
    const text = flat(page.text);
    expect(text).toContain('Interstate Commission on Cooperation');
    expect(text).toContain('Annual Progress Report for 2026');
    expect(text).toContain('Version 4 · Approved by A. V. Petrov, Chairman on 10 March 2027');
    expect(text).toContain(`Content hash: ${sampleHash}`);
    expect(text).toContain('Yerevan');
    expect(text).toContain('A name in the text: <script>& "quotes"');
    expect(text).toContain('Page 1 of 1');
    expect(text).not.toContain('Страница');
  });

  it('marks a version nobody has approved as a draft', async () => {
    const draft: OfficialDocument = {
      ...englishReport,
      version: { number: 2, contentHash: 'abc123def456789' },
    };
    const [page] = (await readPdf(await renderPdf(draft))) as [PdfPage];
    expect(flat(page.text)).toContain('Version 2 · Draft, not approved');
    expect(flat(page.text)).not.toContain('Approved by');
  });

  it('numbers 200 sections over many pages, repeating a table header on every page a table runs onto', async () => {
    const started = performance.now();
    const bytes = await renderPdf(longReport(200));
    console.info(
      `renderPdf: 200 sections in ${Math.round(performance.now() - started)} ms, ${bytes.length} bytes`,
    );
    const pages = await readPdf(bytes);
    expect(pages.length).toBeGreaterThan(50);
    pages.forEach((page, index) => {
      expect(flat(page.text)).toContain(`Страница ${index + 1} из ${pages.length}`);
    });
    const all = pages.map((page) => flat(page.text)).join(' ');
    expect(all).toContain('200. Направление работы № 200');
    // 200 tables; more headers than that means some were repeated after a page break
    const headers = all.split('Государство План Факт Примечание').length - 1;
    expect(headers).toBeGreaterThan(200);
    // a page that starts inside a table starts with its header
    const continued = pages.filter((page) => /^Государство \d/.test(flat(page.text).trim()));
    expect(continued).toEqual([]);
  });

  it('keeps each list item whole, with its number, on one page when a list runs over pages', async () => {
    const items = Array.from({ length: 60 }, (_, index) => [
      { text: `Item ${index + 1}: ` },
      { text: 'a measure the commission followed up. '.repeat(index % 6), italic: true },
      { text: 'end.' },
    ]);
    const list: OfficialDocument = {
      ...englishReport,
      sections: [{ title: 'Long list', blocks: [{ kind: 'list', ordered: true, items }] }],
    };
    const pages = (await readPdf(await renderPdf(list))).map((page) => flat(page.text));
    expect(pages.length).toBeGreaterThan(2);
    for (let number = 1; number <= items.length; number++) {
      const holding = pages.filter((page) => page.includes(`Item ${number}:`));
      expect(holding, `item ${number}`).toHaveLength(1);
      expect(holding[0], `item ${number}`).toMatch(
        new RegExp(`(^| )${number}\\. Item ${number}: [^]*?end\\.`),
      );
    }
  });

  it('refuses a table row wider than its header and a link that is not http(s) or mailto', async () => {
    const wide: OfficialDocument = {
      ...englishReport,
      sections: [{ title: 'Wide', blocks: [{ kind: 'table', header: ['A'], rows: [['1', '2']] }] }],
    };
    await expect(renderPdf(wide)).rejects.toThrow(DocumentShapeError);
    await expect(renderPdf(wide)).rejects.toThrow(
      'Table row 1 has 2 cells under a header of 1 (section "Wide", block 1)',
    );
    const script: OfficialDocument = {
      ...englishReport,
      sections: [
        {
          title: 'Links',
          blocks: [{ kind: 'paragraph', runs: [{ text: 'x', link: 'javascript:alert(1)' }] }],
        },
      ],
    };
    await expect(renderPdf(script)).rejects.toThrow(DocumentShapeError);
  });
});
