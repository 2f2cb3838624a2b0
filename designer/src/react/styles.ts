/** The designer's CSS, injected once by <Designer>. Plain CSS, readable on modest screens, AA contrast. */
export const designerStyles = `
.ngd { font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1a1a1a; background: #fff; }
.ngd button, .ngd select, .ngd input, .ngd textarea { font: inherit; }
.ngd button { border: 1px solid #6b6b6b; background: #f4f4f4; color: #1a1a1a; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
.ngd button:disabled { color: #595959; cursor: not-allowed; }
.ngd button:focus-visible, .ngd select:focus-visible, .ngd input:focus-visible, .ngd textarea:focus-visible { outline: 3px solid #0b57d0; outline-offset: 1px; }
.ngd-toolbar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px; border-bottom: 1px solid #ccc; }
.ngd-status { margin-left: auto; color: #8a1c1c; }
.ngd-status--ok { color: #1e5e1e; }
.ngd-main { display: grid; grid-template-columns: 180px minmax(260px, 1fr) 320px; gap: 8px; padding: 8px; align-items: start; }
.ngd-panel { border: 1px solid #ccc; border-radius: 6px; padding: 8px; min-width: 0; }
.ngd-panel h2 { font-size: 15px; margin: 0 0 6px; }
.ngd-palette ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.ngd-palette li { display: flex; gap: 4px; }
.ngd-palette-item { flex: 1; text-align: left; }
.ngd-list { min-height: 36px; padding: 4px; border: 1px dashed #8a8a8a; border-radius: 4px; display: grid; gap: 4px; }
.ngd-list--over { background: #e8f0fe; }
.ngd-card { display: flex; gap: 4px; align-items: center; border: 1px solid #bbb; border-radius: 4px; padding: 4px; background: #fff; }
.ngd-card--selected { border-color: #0b57d0; box-shadow: 0 0 0 2px #0b57d0; }
.ngd-card--dragging { opacity: 0.5; }
.ngd-card-main { flex: 1; text-align: left; border: none !important; background: transparent !important; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ngd-kind { font-size: 12px; color: #444; }
.ngd-req { color: #8a1c1c; }
.ngd-container { border: 1px solid #999; border-radius: 4px; padding: 4px; background: #fafafa; }
.ngd-container-head { display: flex; gap: 4px; align-items: center; margin-bottom: 4px; }
.ngd-page-title { font-size: 13px; font-weight: 600; margin: 4px 0 2px; }
.ngd-props label, .ngd-field-row label { display: block; font-size: 13px; margin-top: 4px; }
.ngd-props input[type=text], .ngd-props input[type=number], .ngd-props input[type=date], .ngd-props select, .ngd-props textarea { width: 100%; box-sizing: border-box; }
.ngd-props fieldset { border: 1px solid #ccc; border-radius: 4px; margin: 6px 0; padding: 4px 6px; }
.ngd-issues { color: #8a1c1c; margin: 4px 0; padding-left: 18px; }
.ngd-rule-group { border-left: 3px solid #0b57d0; padding-left: 6px; margin: 4px 0; display: grid; gap: 4px; }
.ngd-cond { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.ngd-cond select, .ngd-cond input { width: auto; max-width: 9em; }
.ngd-raw { width: 100%; box-sizing: border-box; font-family: ui-monospace, monospace; font-size: 12px; }
.ngd-preview { margin: 8px; }
.ngd-lineage { font-size: 12px; border-radius: 3px; padding: 0 4px; border: 1px solid currentColor; }
.ngd-lineage--inherited { color: #444; }
.ngd-lineage--overridden { color: #0b4fb0; }
.ngd-lineage--added { color: #1e5e1e; }
.ngd-lineage--hidden { color: #8a1c1c; }
.ngd-variant table { border-collapse: collapse; width: 100%; }
.ngd-variant th, .ngd-variant td { border-bottom: 1px solid #ddd; padding: 3px; text-align: left; vertical-align: top; }
.ngd-variant input[type=number] { width: 7em; }
.ngd-diff { font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; }
.ngd-hint { color: #555; font-size: 13px; }
.ngd-matrix { overflow-x: auto; max-width: 100%; }
.ngd-matrix table { border-collapse: collapse; }
.ngd-matrix th, .ngd-matrix td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: left; white-space: nowrap; }
.ngd-matrix td[data-mode=hidden] select { background: #f3f3f3; }
.ngd-matrix td[data-mode=readOnly] select, .ngd-matrix td[data-mode=required] select { font-weight: 600; }
.ngd-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
