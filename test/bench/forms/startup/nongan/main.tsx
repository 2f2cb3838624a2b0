/** A page that renders one 100-field form with the Nong'an renderer: its JS is the startup cost. */
import { createRoot } from 'react-dom/client';
import { FormView, formStyles } from '@nongan/forms/react';
import { seededForm } from '../../seededForm.js';

const style = document.createElement('style');
style.textContent = formStyles;
document.head.append(style);
createRoot(document.getElementById('app')!).render(<FormView definition={seededForm(100)} locale="zh-CN" />);
