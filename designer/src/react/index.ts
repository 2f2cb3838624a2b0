/** @nongan/designer/react: the React designer and its parts. */
export { Designer, DesignerProvider, type DesignerProps } from './Designer.js';
export { Palette } from './Palette.js';
export { Canvas } from './Canvas.js';
export { PropertyPanel } from './PropertyPanel.js';
export { RuleEditor } from './RuleEditor.js';
export { Preview } from './Preview.js';
export { VariantMode } from './VariantMode.js';
export { VersionList } from './VersionList.js';
export { DesignerDnd } from './dnd.js';
export { useDesignerSelector, useDesignerEnv } from './context.js';
export { designerStyles } from './styles.js';
