/** Default styles as a string (inject once with <style>): screen, and print fit for A4 paper. */
export const formStyles = `
.ng-form { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1b1f1b; max-width: 60rem; }
.ng-section { border: 1px solid #c9d1c4; border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 1rem; }
/* Sections off screen skip style, layout and paint (a 2,000-field form types and mounts at the cost of
   what is visible); the browser keeps their size estimate once it has laid them out. */
.ng-form:not(.ng-form--print) .ng-section:not(:has(.ng-section)) { content-visibility: auto; contain-intrinsic-size: auto 40rem; }
.ng-section > legend { font-weight: 600; padding: 0 0.25rem; }
.ng-columns { display: grid; gap: 0.5rem 1rem; }
.ng-field { display: flex; flex-direction: column; gap: 0.25rem; margin: 0.5rem 0; }
.ng-label { font-weight: 500; }
.ng-required { color: #b3261e; }
.ng-help { color: #4a554a; font-size: 0.875rem; margin: 0; }
.ng-error { color: #b3261e; font-size: 0.875rem; margin: 0; min-height: 1em; }
.ng-error-summary { border: 2px solid #b3261e; border-radius: 6px; padding: 0.5rem 0.9rem; margin: 0.5rem 0 1rem; }
.ng-error-summary ul { margin: 0.25rem 0 0; padding-left: 1.2rem; }
.ng-error-summary a { color: #8c1d17; font-weight: 600; }
.ng-field--invalid input, .ng-field--invalid select, .ng-field--invalid textarea { border-color: #b3261e; }
.ng-form input, .ng-form select, .ng-form textarea { font: inherit; padding: 0.3rem 0.4rem; border: 1px solid #8a968a; border-radius: 4px; }
.ng-form :focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.ng-number { display: inline-flex; align-items: center; gap: 0.4rem; }
.ng-choices { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
.ng-range, .ng-division { display: inline-flex; flex-wrap: wrap; gap: 0.5rem; }
.ng-sublabel { display: block; font-size: 0.8rem; color: #4a554a; }
.ng-rows table, .ng-rows-static { border-collapse: collapse; }
.ng-rows th, .ng-rows td, .ng-rows-static th, .ng-rows-static td { border: 1px solid #c9d1c4; padding: 0.25rem 0.4rem; text-align: left; }
.ng-tabs [role=tablist] { display: flex; gap: 0.25rem; border-bottom: 1px solid #c9d1c4; }
.ng-tabs [role=tab] { border: 1px solid #c9d1c4; border-bottom: none; background: #f3f5f1; padding: 0.35rem 0.8rem; }
.ng-tabs [role=tab][aria-selected=true] { background: #fff; font-weight: 600; }
.ng-step-list { display: flex; gap: 1rem; list-style: decimal inside; padding: 0; }
.ng-step-list [aria-current=step] { font-weight: 700; }
.ng-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.ng-definition-error { border: 2px solid #b3261e; padding: 0.75rem; color: #b3261e; }
.ng-form--print .ng-field--static, .ng-form--readonly .ng-field--static { flex-direction: row; gap: 1rem; border-bottom: 1px dotted #c9d1c4; }
.ng-form--print .ng-field--static .ng-label { min-width: 10rem; }
@media print {
  @page { size: A4; margin: 18mm 15mm; }
  .ng-form { max-width: none; font-size: 11pt; color: #000; }
  .ng-section { break-inside: avoid; border-color: #000; content-visibility: visible; }
  .ng-form button, .ng-tabs [role=tablist] { display: none; }
}
`;
