/** What every field widget receives. Widgets are controlled: the value lives in the form controller. */
import type { FieldSpec, JsonSchema, Locale } from '../../definition/types.js';
import type { AttachmentStore } from '../../drafts/attachmentStore.js';

export interface FormServices {
  /** Where attachment Blobs are kept (IndexedDB by default); values hold only references. */
  attachments?: AttachmentStore;
  /** Named option dictionaries for `optionsFrom` (species, …). */
  dictionaries?: Record<string, Array<{ value: string; label: { zh: string; en: string } }>>;
}

export interface WidgetProps {
  id: string;
  spec: FieldSpec;
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  locale: Locale;
  readOnly: boolean;
  required: boolean;
  invalid: boolean;
  /** ids of the help and error texts, for aria-describedby. */
  describedBy: string | undefined;
  services: FormServices;
}

/** Accessibility attributes shared by single-input widgets. */
export function inputAria(props: WidgetProps) {
  return {
    id: props.id,
    'aria-invalid': props.invalid || undefined,
    'aria-required': props.required || undefined,
    'aria-describedby': props.describedBy,
    readOnly: props.readOnly,
    onBlur: props.onBlur,
  } as const;
}

/** An emptied input stores `undefined`, so `required` sees a missing value, not an empty string. */
export const emptyToUndefined = (text: string): string | undefined => (text === '' ? undefined : text);
