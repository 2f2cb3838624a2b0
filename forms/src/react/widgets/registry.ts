/** Which widget renders which field kind. */
import type { ComponentType } from 'react';
import type { FieldKind } from '../../definition/types.js';
import { AttachmentsWidget } from './AttachmentsWidget.js';
import { ComputedWidget, DateWidget, NumberWidget, SwitchWidget, TextWidget } from './basic.js';
import { CheckboxesWidget, RadioWidget, SelectWidget } from './choice.js';
import { DateRangeWidget } from './DateRangeWidget.js';
import { DivisionWidget } from './DivisionWidget.js';
import { RowsWidget } from './RowsWidget.js';
import { SignatureWidget } from './SignatureWidget.js';
import type { WidgetProps } from './types.js';

const widgets: Record<FieldKind, ComponentType<WidgetProps>> = {
  text: TextWidget,
  textarea: TextWidget,
  number: NumberWidget,
  integer: NumberWidget,
  select: SelectWidget,
  radio: RadioWidget,
  checkboxes: CheckboxesWidget,
  switch: SwitchWidget,
  date: DateWidget,
  dateRange: DateRangeWidget,
  division: DivisionWidget,
  attachments: AttachmentsWidget,
  signature: SignatureWidget,
  rows: RowsWidget,
  computed: ComputedWidget,
};

export function widgetFor(kind: FieldKind): ComponentType<WidgetProps> {
  return widgets[kind];
}

/** Kinds whose control is a group (labelled by the field label's id, not by `<label for>`). */
export const GROUP_KINDS: ReadonlySet<FieldKind> = new Set(['radio', 'checkboxes', 'dateRange', 'division', 'rows']);
