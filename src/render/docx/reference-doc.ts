/**
 * The reference document shipped for the pandoc route: the native .docx's own styles
 * (Title, Heading 1…, Meeting Facts, Draft Notice, Agreement, Contact, Table…), A4 pages
 * and "Page N of M" footers, so `pandoc --reference-doc reference.docx` gives a Word file
 * that looks like the one communique writes. Its body is never used by pandoc.
 */
import type { Communique } from '../../core/model.js';
import { buildViewModel } from '../view-model.js';
import { renderDocx } from './document.js';

export async function defaultReferenceDoc(lang: string): Promise<Uint8Array> {
  const communique = {
    schema_version: 1,
    title: 'Title',
    status: 'published',
    lang,
    meeting: { group: { name: 'Group' }, date: '2000-01-01', mode: 'in-person', place: 'Place' },
  } as unknown as Communique;
  const view = buildViewModel(communique, { type: 'root', children: [] }, { includeInternal: false });
  // No running title: the header of a reference document would print on every document made with it.
  view.title = '';
  return renderDocx(view, { date: new Date('2000-01-01T00:00:00Z') });
}
