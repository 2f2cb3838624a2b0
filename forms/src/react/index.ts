/** @nongan/forms/react: the renderer. */
export { FormView, type FormViewProps } from './FormView.js';
export { FieldView, type FormMode } from './FieldView.js';
export { useFormController, useField, useValuesListener } from './useFormController.js';
export type { FormServices, WidgetProps } from './widgets/types.js';
export { formStyles } from './styles.js';
