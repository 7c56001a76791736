/** The pure domain core shared by the app and the cloud functions (no I/O, no Taro). planXlsx is Node-only: import it directly. */
export * from './errors';
export * from './time';
export * from './calendar';
export * from './rules';
export * from './deadlines';
export * from './planTable';
export * from './reportRules';
export * from './lifecycle';
export * from './reportParts';
export * from './photos';
