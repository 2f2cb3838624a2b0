/** The framework-free designer core: state, commands, undo/redo, import/export, rules, variants. */
export * from './types.js';
export * from './palette.js';
export { allLists, childListsOf, fieldsUnder, findField, isListPointer, joinPointer, layoutAt, parentOf, splitPointer, visitLayout, type ChildList } from './layoutTree.js';
export { edit } from './commands/edit.js';
export { containerId, findContainer } from './containerIds.js';
export * from './commands/fieldCommands.js';
export * from './commands/layoutCommands.js';
export * from './commands/renameField.js';
export * from './commands/ruleCommands.js';
export * from './commandStack.js';
export * from './session.js';
export * from './importExport.js';
export * from './ruleModel.js';
export * from './variant.js';
export * from './publishCheck.js';
export * from './dictionaries.js';
export * from './commands/rowsCommands.js';
export * from './fieldPermissions.js';
