/** The document list (drafts and published versions merged by id), shared by the store implementations. */
import { withSupersession } from './checks.js';
import type { DesignDoc, DocumentSummary, DraftRecord, VersionRecord } from './types.js';

const titleOf = (doc: DesignDoc) =>
  doc.kind === 'form' ? doc.definition.title : (doc.variant.overlay.title ?? { zh: `${doc.variant.base.id}（${doc.variant.region}）`, en: `${doc.variant.base.id} (${doc.variant.region})` });

export function summarize(drafts: DraftRecord[], versions: VersionRecord[]): DocumentSummary[] {
  const out = new Map<string, DocumentSummary>();
  const byDoc = new Map<string, VersionRecord[]>();
  for (const v of versions) byDoc.set(v.docId, [...(byDoc.get(v.docId) ?? []), v]);
  for (const [docId, list] of byDoc) {
    const latest = withSupersession(list).at(-1)!;
    out.set(docId, { docId, kind: latest.doc.kind, title: titleOf(latest.doc), region: latest.doc.kind === 'variant' ? latest.doc.variant.region : null, hasDraft: false, latestVersion: latest.version });
  }
  for (const d of drafts) {
    const known = out.get(d.docId);
    out.set(d.docId, { docId: d.docId, kind: d.doc.kind, title: titleOf(d.doc), region: d.doc.kind === 'variant' ? d.doc.variant.region : null, hasDraft: true, latestVersion: known?.latestVersion ?? null });
  }
  return [...out.values()].sort((a, b) => a.docId.localeCompare(b.docId));
}
