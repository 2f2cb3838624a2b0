/**
 * Attachments and photos: files go to the attachment store (IndexedDB), the value keeps references
 * `{ id, name, type, size }`. Type and size limits are checked before anything is stored.
 */
import { useState } from 'react';
import type { AttachmentRef } from '../../drafts/attachmentStore.js';
import { say } from '../text.js';
import type { WidgetProps } from './types.js';

const formatBytes = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

function accepted(type: string, accept: readonly string[] | undefined): boolean {
  if (!accept || accept.length === 0) return true;
  return accept.some((a) => (a.endsWith('/*') ? type.startsWith(a.slice(0, -1)) : a === type));
}

export function AttachmentsWidget(props: WidgetProps) {
  const { spec, locale, services } = props;
  const files = Array.isArray(props.value) ? (props.value as AttachmentRef[]) : [];
  const [problems, setProblems] = useState<string[]>([]);

  const add = async (list: FileList | null) => {
    if (!list || !services.attachments) return;
    const found: string[] = [];
    const next = [...files];
    for (const file of Array.from(list)) {
      if (spec.maxFiles !== undefined && next.length >= spec.maxFiles) {
        found.push(say('tooManyFiles', locale, { max: spec.maxFiles }));
        break;
      }
      if (!accepted(file.type, spec.accept)) found.push(say('fileType', locale, { name: file.name }));
      else if (spec.maxFileBytes !== undefined && file.size > spec.maxFileBytes) found.push(say('fileTooLarge', locale, { name: file.name, max: formatBytes(spec.maxFileBytes) }));
      else next.push(await services.attachments.put(file));
    }
    setProblems(found);
    props.onChange(next.length > 0 ? next : undefined);
  };
  const remove = (id: string) => {
    void services.attachments?.remove(id);
    const next = files.filter((f) => f.id !== id);
    props.onChange(next.length > 0 ? next : undefined);
  };

  return (
    <div className="ng-attachments">
      {!props.readOnly && (
        <input
          type="file"
          id={props.id}
          multiple={spec.maxFiles !== 1}
          accept={spec.accept?.join(',')}
          aria-invalid={props.invalid || undefined}
          aria-required={props.required || undefined}
          aria-describedby={props.describedBy}
          onBlur={props.onBlur}
          onChange={(e) => void add(e.target.files)}
        />
      )}
      {problems.length > 0 && (
        <ul className="ng-error" aria-live="polite">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <ul className="ng-files">
        {files.map((file) => (
          <li key={file.id}>
            {file.name} ({formatBytes(file.size)})
            {!props.readOnly && (
              <button type="button" onClick={() => remove(file.id)}>
                {say('removeFile', locale, { name: file.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
