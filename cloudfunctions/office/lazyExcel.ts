// exceljs and the code around it (~1 MB) live in excel.js next to index.js and
// are required on first use: only the Excel import and export pay for loading
// them, and a cold listEvents starts from the small index.js. The build keeps
// this require as written (scripts/build-functions.mjs).
import type * as Excel from './excel';

let loaded: typeof Excel | null = null;

export function excel(): typeof Excel {
  loaded ??= require('./excel.js') as typeof Excel;
  return loaded;
}
