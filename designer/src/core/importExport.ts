/**
 * JSON import and export. An import passes the same gate as every form (`loadForm`: size before
 * parsing, forbidden keys, meta-schema, semantics, rules, safe patterns) and reports path + reason in
 * both languages; it never touches the open document (the caller opens the result only on success).
 * An export is refused with the same issues when the edited definition would not load.
 */
import { loadForm, checkVariantShape, MAX_DEFINITION_BYTES, type FormDefinition, type FormVariant, type Issue } from '@nongan/forms';

export type ImportResult = { ok: true; definition: FormDefinition } | { ok: false; issues: Issue[] };
export type ExportResult = { ok: true; json: string } | { ok: false; issues: Issue[] };

const tooLarge = (bytes: number): Issue => ({
  path: '',
  message: `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the largest accepted form is ${MAX_DEFINITION_BYTES / 1024 / 1024} MB`,
  messageZh: `文件大小为 ${(bytes / 1024 / 1024).toFixed(1)} MB，表单文件最大为 ${MAX_DEFINITION_BYTES / 1024 / 1024} MB`,
});

/** Import JSON text (or an already parsed value). */
export function importDefinition(input: unknown): ImportResult {
  const loaded = loadForm(input);
  return loaded.ok ? { ok: true, definition: loaded.definition } : { ok: false, issues: loaded.issues };
}

/** Import a browser File / Blob: the size is checked before a single byte is read. */
export async function importFile(file: Blob): Promise<ImportResult> {
  if (!(file instanceof Blob)) return { ok: false, issues: [{ path: '', message: 'not a file', messageZh: '不是文件' }] };
  if (file.size > MAX_DEFINITION_BYTES) return { ok: false, issues: [tooLarge(file.size)] };
  return importDefinition(await file.text());
}

export function exportDefinition(definition: FormDefinition): ExportResult {
  const loaded = loadForm(definition);
  return loaded.ok ? { ok: true, json: `${JSON.stringify(loaded.definition, null, 2)}\n` } : { ok: false, issues: loaded.issues };
}

/** A variant's JSON (shape only; resolving needs its base). */
export function exportVariant(variant: FormVariant): ExportResult {
  const issues = checkVariantShape(variant);
  return issues.length ? { ok: false, issues } : { ok: true, json: `${JSON.stringify(variant, null, 2)}\n` };
}

/** Import into a session: opens the imported form only when it is valid; otherwise nothing changes. */
export function importInto(session: { open(definition: FormDefinition): void }, input: unknown): ImportResult {
  const result = importDefinition(input);
  if (result.ok) session.open(result.definition);
  return result;
}
