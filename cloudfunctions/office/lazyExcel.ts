import type * as Excel from './excel';
import { loadExcel } from '../_shared/lazyExcel';

export const excel = () => loadExcel<typeof Excel>();
