import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const files = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
} as const;

/** The four faces the PDF embeds. */
export type FontFace = keyof typeof files;

let loaded: Record<FontFace, Buffer> | undefined;

/**
 * DejaVu Serif's TrueType files, read once per process: PDF's standard fonts have no Cyrillic, so the PDF
 * embeds these (pdfkit subsets them to the glyphs used). Kept after the first read: they never change.
 */
export function loadFonts(): Record<FontFace, Buffer> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    loaded = {
      regular: read(files.regular),
      bold: read(files.bold),
      italic: read(files.italic),
      boldItalic: read(files.boldItalic),
    };
  }
  return loaded;
}

/** Which face a run is set in. */
export function faceOf(run: { bold?: boolean; italic?: boolean }): FontFace {
  if (run.bold && run.italic) return 'boldItalic';
  if (run.bold) return 'bold';
  if (run.italic) return 'italic';
  return 'regular';
}
