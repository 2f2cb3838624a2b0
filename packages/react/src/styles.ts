/**
 * Default styles of the widgets as a string (inject once with <style>, next to `formStyles` from
 * @nongan/forms/react). Colours meet WCAG AA contrast; state is never shown by colour alone.
 * The certificate and the approval sheet print alone on A4 (everything else on the page is hidden when they are printed).
 */
export const widgetStyles = `
.nw { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1b1f1b; }
.nw :focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.nw h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
.nw h3 { font-size: 1.05rem; margin: 0.75rem 0 0.4rem; }
.nw button { font: inherit; padding: 0.3rem 0.8rem; border: 1px solid #2e6b30; border-radius: 4px; background: #fff; color: #1f4d21; cursor: pointer; }
.nw button.nw-primary { background: #2e6b30; color: #fff; }
.nw button:disabled { opacity: 0.6; cursor: not-allowed; }
.nw select, .nw input[type=text], .nw input[type=search] { font: inherit; padding: 0.25rem 0.4rem; border: 1px solid #8a968a; border-radius: 4px; }
.nw-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.nw-table { border-collapse: collapse; width: 100%; }
.nw-table caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
.nw-table th, .nw-table td { border-bottom: 1px solid #c9d1c4; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
.nw-table th { background: #f3f5f1; }
.nw-filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: end; border: 1px solid #c9d1c4; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0 0 0.75rem; }
.nw-filters label { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.9rem; }
.nw-filters label.nw-check { flex-direction: row; align-items: center; gap: 0.35rem; }
.nw-overdue { background: #fdecea; }
.nw-overdue .nw-due { color: #8c1d18; font-weight: 600; }
.nw-badge { display: inline-block; border-radius: 3px; padding: 0 0.35rem; font-size: 0.8rem; font-weight: 600; border: 1px solid currentColor; margin-inline-end: 0.35rem; }
.nw-badge--overdue { color: #8c1d18; }
.nw-badge--done { color: #4a554a; }
.nw-badge--draft { color: #7a4b00; border-color: #7a4b00; }
.nw-muted { color: #4a554a; font-size: 0.875rem; }
.nw-case dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 0.75rem; }
.nw-case dt { color: #4a554a; }
.nw-case dd { margin: 0; }
.nw-state { font-size: 1.1rem; font-weight: 600; }
.nw-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0 0 0.75rem; }
.nw-action-panel { border: 1px solid #c9d1c4; border-radius: 6px; padding: 0.75rem 1rem; margin: 0.5rem 0; }
.nw-action-buttons { display: flex; gap: 0.5rem; margin-top: 0.5rem; }
.nw-error { border: 2px solid #b3261e; border-radius: 6px; padding: 0.5rem 0.75rem; color: #8c1d18; margin: 0.5rem 0; }
.nw-error p { margin: 0.2rem 0; }
.nw-receipt { border: 1px solid #2e6b30; border-radius: 6px; padding: 0.5rem 0.9rem; margin: 0.5rem 0; }
.nw-receipt dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; margin: 0.4rem 0; }
.nw-receipt dd { margin: 0; }
.nw-case-number { font-variant-numeric: tabular-nums; letter-spacing: 0.02em; }
.nw-success { border: 1px solid #2e6b30; border-radius: 6px; padding: 0.4rem 0.75rem; color: #1f4d21; margin: 0.5rem 0; }
.nw-timeline > ol { list-style: none; padding: 0; margin: 0; border-left: 3px solid #c9d1c4; }
.nw-timeline > ol > li { position: relative; padding: 0.2rem 0 0.75rem 1rem; }
.nw-timeline dd ul { margin: 0; padding-left: 1.1rem; }
.nw-timeline > ol > li::before { content: ""; position: absolute; left: -0.45rem; top: 0.55rem; width: 0.6rem; height: 0.6rem; border-radius: 50%; background: #2e6b30; }
.nw-timeline .nw-entry-head { font-weight: 600; }
.nw-timeline dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.75rem; margin: 0.25rem 0 0; font-size: 0.9rem; }
.nw-timeline dt { color: #4a554a; }
.nw-timeline dd { margin: 0; }
.nw-timeline .nw-entry-effect { margin: 0.15rem 0; font-size: 0.9rem; }
.nw-tabs { display: flex; flex-wrap: wrap; gap: 0.25rem; border-bottom: 2px solid #c9d1c4; margin: 0 0 0.75rem; }
.nw .nw-tabs button[role=tab] { border: 1px solid #c9d1c4; border-bottom: 0; border-radius: 4px 4px 0 0; margin-bottom: -2px; }
.nw .nw-tabs button[role=tab][aria-selected=true] { background: #2e6b30; color: #fff; border-color: #2e6b30; font-weight: 600; }
.nw-count { font-variant-numeric: tabular-nums; }
.nw-badge--unread { color: #7a3b00; margin-inline-start: 0.35rem; }
.nw-unread-count { font-weight: 600; }
.nw-unread th, .nw-unread td { font-weight: 600; }
.nw-row-buttons { white-space: nowrap; }
.nw-row-buttons button + button { margin-inline-start: 0.35rem; }
.nw-case-columns { display: flex; flex-wrap: wrap; gap: 0 2rem; }
.nw-case-columns > * { flex: 1 1 18rem; min-width: 0; }
.nw-ops { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0 0 0.75rem; }
.nw-op-panel { border: 1px solid #c9d1c4; border-radius: 6px; padding: 0.75rem 1rem; margin: 0.5rem 0; }
.nw-op-panel h4 { font-size: 1rem; margin: 0 0 0.5rem; }
.nw-field { display: flex; flex-direction: column; gap: 0.2rem; margin: 0.5rem 0; }
.nw-field textarea { font: inherit; padding: 0.3rem 0.4rem; border: 1px solid #8a968a; border-radius: 4px; }
.nw-picker, .nw-choice { border: 1px solid #c9d1c4; border-radius: 6px; padding: 0.4rem 0.75rem; margin: 0.5rem 0; }
.nw-picker ul { list-style: none; padding: 0; margin: 0.4rem 0 0; max-height: 12rem; overflow: auto; }
.nw-picker-search { display: flex; gap: 0.5rem; align-items: center; }
.nw-choice label { margin-inline-end: 1rem; }
.nw-work dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 0.75rem; }
.nw-work dt { color: #4a554a; }
.nw-work dd { margin: 0; }
.nw-work dd p, .nw-work dd ul { margin: 0; }
.nw-work dd ul { padding-left: 1.1rem; }
.nw-approval { max-width: 190mm; background: #fff; }
.nw-approval h2 { text-align: center; letter-spacing: 0.3em; }
.nw-approval-head { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0 0 0.5rem; }
.nw-approval-opinion { white-space: pre-wrap; }
.nw-verify { border-radius: 6px; padding: 0.4rem 0.75rem; margin: 0 0 0.75rem; border: 1px solid; }
.nw-verify--ok { color: #1f4d21; border-color: #2e6b30; background: #eef6ee; }
.nw-verify--bad { color: #8c1d18; border-color: #b3261e; background: #fdecea; }
.nw-diagram { overflow: auto; max-width: 100%; }
.nw-diagram svg { display: block; }
.nw-cert { width: 180mm; max-width: 100%; box-sizing: border-box; border: 2px solid #1b1f1b; padding: 1rem 1.25rem; background: #fff; }
.nw-cert h2 { text-align: center; font-size: 1.5rem; letter-spacing: 0.3em; margin-bottom: 0.75rem; }
.nw-cert-body { display: grid; grid-template-columns: 1fr auto; gap: 1rem; }
.nw-cert dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 0.75rem; margin: 0; }
.nw-cert dt { font-weight: 600; }
.nw-cert dd { margin: 0; border-bottom: 1px solid #8a968a; }
.nw-cert-qr { text-align: center; font-size: 0.8rem; }
/* On a phone the QR code goes under the fields instead of past the card's edge. */
.nw-cert { container-type: inline-size; }
.nw-cert-body > * { min-width: 0; }
@container (max-width: 30rem) { .nw-cert-body { grid-template-columns: 1fr; } .nw-cert-qr { justify-self: center; } }
.nw-cert-commit ul, .nw-cert-basis { list-style: none; padding: 0; margin: 0.25rem 0; }
.nw-cert-commit li::before { content: "☑ "; }
.nw-cert-signature img { max-height: 3rem; }
/* Labels for certificate printers: millimetres, because the label is. */
.nw-cert-label { box-sizing: border-box; display: grid; grid-template-columns: auto 1fr; gap: 1.5mm; align-items: start; background: #fff; color: #000; border: 0.3mm solid #1b1f1b; overflow: hidden; }
.nw-cert-label--60x40 { width: 60mm; height: 40mm; padding: 1.2mm; gap: 1.2mm; font-size: 4.9pt; line-height: 1.2; }
.nw-cert-label--100x70 { width: 100mm; height: 70mm; padding: 3mm; font-size: 8pt; line-height: 1.3; gap: 3mm; }
.nw-cert-label svg { display: block; }
.nw-cert-label h2 { margin: 0 0 0.6mm; font-size: 1.5em; letter-spacing: 0.15em; }
.nw-cert-label p { margin: 0; overflow-wrap: anywhere; }
.nw-cert-label-commit { font-size: 0.85em; margin-top: 0.5mm !important; }
.nw-cert-label .nw-sign-line { min-width: 12mm; }
.nw-sheet { display: flex; flex-wrap: wrap; gap: 1rem; }
.nw-sheet--a4 { flex-direction: column; }
.nw-verification-result { border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.75rem 0; border: 2px solid; }
.nw-verification-result--valid { color: #1f4d21; border-color: #2e6b30; background: #eef6ee; }
.nw-verification-result p { margin: 0.2rem 0; }
.nw-code { word-break: break-all; }
.nw-sign-line { display: inline-block; min-width: 10rem; border-bottom: 1px solid #1b1f1b; }
.nw-verification-result--invalid { color: #8c1d18; border-color: #b3261e; background: #fdecea; }
@page nw-label-60x40 { size: 60mm 40mm; margin: 0; }
@page nw-label-100x70 { size: 100mm 70mm; margin: 0; }
@media print {
  @page { size: A4; margin: 15mm; }
  body.nw-printing-sheet :not(.nw-sheet):not(.nw-sheet *):not(:has(.nw-sheet)) { display: none !important; }
  body.nw-printing-sheet :has(.nw-sheet) { margin: 0 !important; padding: 0 !important; border: 0 !important; box-shadow: none !important; background: none !important; max-width: none !important; width: auto !important; }
  .nw-sheet { display: block; }
  .nw-sheet-page { break-after: page; }
  .nw-sheet-page:last-child { break-after: auto; }
  .nw-sheet--60x40 .nw-sheet-page { page: nw-label-60x40; }
  .nw-sheet--100x70 .nw-sheet-page { page: nw-label-100x70; }
  .nw-cert-label { border: 0; }
  body.nw-printing-approval * { visibility: hidden; }
  body.nw-printing-approval .nw-approval, body.nw-printing-approval .nw-approval * { visibility: visible; }
  body.nw-printing-approval .nw-approval { position: absolute; left: 0; top: 0; width: 100%; max-width: none; }
  .nw-approval .nw-table th, .nw-approval .nw-table td { border: 1px solid #000; color: #000; background: none; }
  .nw-approval tr { break-inside: avoid; }
  body.nw-printing-receipt * { visibility: hidden; }
  body.nw-printing-receipt .nw-receipt, body.nw-printing-receipt .nw-receipt * { visibility: visible; }
  body.nw-printing-receipt .nw-receipt { position: absolute; left: 0; top: 0; border: none; }
  .nw-receipt .nw-print { display: none; }
  body.nw-printing-certificate * { visibility: hidden; }
  body.nw-printing-certificate .nw-cert, body.nw-printing-certificate .nw-cert * { visibility: visible; }
  body.nw-printing-certificate .nw-cert { position: absolute; left: 0; top: 0; }
  .nw-cert { border-color: #000; color: #000; break-inside: avoid; }
  .nw-no-print { display: none !important; }
}
`;
