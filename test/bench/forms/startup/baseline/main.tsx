/** The baseline page: the same form as plain React inputs with one compiled Ajv validator. */
import { createRoot } from 'react-dom/client';
import { BaselineForm, compileBaseline } from '../../page/baselineForm.js';
import { seededForm } from '../../seededForm.js';

const form = seededForm(100);
createRoot(document.getElementById('app')!).render(<BaselineForm form={form} validate={compileBaseline(form)} />);
