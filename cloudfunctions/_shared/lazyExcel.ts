// exceljs and the code around it (~1 MB) live in excel.js next to a function's
// index.js and are required on first use: only the Excel import and export pay
// for loading them, and everyday actions cold-start from the small index.js.
// The build keeps this require as written (scripts/build-functions.mjs).
let loaded: unknown = null;

export function loadExcel<T>(): T {
  loaded ??= require('./excel.js');
  return loaded as T;
}
