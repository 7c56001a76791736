// resident: what any WeChat user does. Public views never carry anyone's name or phone.
import { createFunction } from '../_shared/router';
import { showcase } from './showcase';

export const main = createFunction({ showcase });
