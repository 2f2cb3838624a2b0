/** Input checks shared by every store implementation, so they all refuse the same things the same way. */
import { checkVariantShape, loadForm, type Issue } from '@nongan/forms';
import { PublishError, type DesignDoc, type PublishInput, type VersionEntry, type VersionRecord } from './types.js';

export function checkDoc(doc: DesignDoc): void {
  if (!doc || typeof doc !== 'object' || (doc.kind !== 'form' && doc.kind !== 'variant')) {
    throw new PublishError('文档必须是表单或区域变体', 'a document is a form or a regional variant');
  }
  let issues: Issue[];
  if (doc.kind === 'form') {
    const loaded = loadForm(doc.definition);
    issues = loaded.ok ? [] : loaded.issues;
  } else {
    issues = checkVariantShape(doc.variant);
  }
  const first = issues[0];
  if (first) throw new PublishError(`文档无效：${first.path || '/'} ${first.messageZh}`, `invalid document: ${first.path || '/'} ${first.message}`);
}

/** Drafts may be incomplete, but must be plain, storable JSON of the right kind. */
export function checkDraft(doc: DesignDoc): void {
  if (!doc || typeof doc !== 'object' || (doc.kind !== 'form' && doc.kind !== 'variant')) {
    throw new PublishError('草稿必须是表单或区域变体', 'a draft is a form or a regional variant');
  }
  const id = doc.kind === 'form' ? doc.definition?.id : doc.variant?.id;
  if (typeof id !== 'string' || id === '') throw new PublishError('草稿缺少编号', 'the draft has no id');
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function checkPublishInput(input: PublishInput): void {
  if (!input || typeof input.effectiveFrom !== 'string' || !DATE.test(input.effectiveFrom) || Number.isNaN(Date.parse(input.effectiveFrom))) {
    throw new PublishError('生效日期须为 YYYY-MM-DD 格式', 'the effective date must be YYYY-MM-DD');
  }
  if (typeof input.note !== 'string' || input.note.trim() === '' || input.note.length > 2000) {
    throw new PublishError('请填写变更说明（不超过 2000 字）', 'a change note (at most 2000 characters) is required');
  }
}

export function duplicateVersion(docId: string, version: string): PublishError {
  return new PublishError(
    `${docId} 的版本 ${version} 已发布，已发布版本不可修改；请使用新版本号发布`,
    `version ${version} of ${docId} is already published and cannot be changed; publish a new version instead`,
  );
}

/** Order by effective date (then publish time) and mark what supersedes what. */
export function withSupersession(records: VersionRecord[]): VersionEntry[] {
  const sorted = [...records].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.publishedAt.localeCompare(b.publishedAt));
  return sorted.map((r, i) => ({ ...r, supersededBy: sorted[i + 1]?.version ?? null }));
}

export const copy = <T>(value: T): T => structuredClone(value);
