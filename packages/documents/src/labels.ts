import type { DocumentLanguage } from './official-document.ts';

/** The words the renderers print around the content, in each language. */
export interface DocumentLabels {
  version: string;
  contentHash: string;
  draft: string;
  approved: (by: string, at: string | undefined) => string;
  page: string;
  of: string;
}

/** The label table; the report's own text comes in the document. */
export const documentLabels: Record<DocumentLanguage, DocumentLabels> = {
  ru: {
    version: 'Версия',
    contentHash: 'Контрольная сумма',
    draft: 'Проект, не утверждён',
    approved: (by, at) => (at ? `Утверждено: ${by}, ${at}` : `Утверждено: ${by}`),
    page: 'Страница',
    of: 'из',
  },
  en: {
    version: 'Version',
    contentHash: 'Content hash',
    draft: 'Draft, not approved',
    approved: (by, at) => (at ? `Approved by ${by} on ${at}` : `Approved by ${by}`),
    page: 'Page',
    of: 'of',
  },
};

/** "Page 2 of 5" in the document's language. */
export function pageLabel(labels: DocumentLabels, page: number, pages: number): string {
  return `${labels.page} ${page} ${labels.of} ${pages}`;
}

/** The colophon's lines under the heading: the version and who approved it, then the full content hash. */
export function colophonLines(
  labels: DocumentLabels,
  version: { number: number; contentHash: string; approvedBy?: string; approvedAt?: string },
): string[] {
  const approval = version.approvedBy
    ? labels.approved(version.approvedBy, version.approvedAt)
    : labels.draft;
  return [
    `${labels.version} ${version.number} · ${approval}`,
    `${labels.contentHash}: ${version.contentHash}`,
  ];
}

/** The footer's version mark: the number and the hash's first twelve characters. */
export function shortVersion(
  labels: DocumentLabels,
  version: { number: number; contentHash: string },
): string {
  return `${labels.version} ${version.number} (${version.contentHash.slice(0, 12)})`;
}
