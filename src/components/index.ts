// The design system. Its CSS (ui.css) is imported once, in app.tsx, so h5
// does not repeat it in every page's chunk. Kit modules must do nothing when
// imported (no top-level calls beyond createContext): the h5 build marks them
// side-effect free (config/index.ts), so a page loads only the parts it uses.
//
// Rules for every screen (the kit does them for you; new pages must use it):
// - Every action is a Button (or Choice for chips, checkboxes, stars; LinkCard
//   for a row that opens a screen): never a bare View with onClick. They are
//   real buttons to screen readers on weapp and h5, reachable with Tab, at
//   least 44×44 px (primary 48 px). Icon-only buttons pass `label`.
// - Every input sits in a Field (its label names the input) or passes `label`.
// - Every image is an Img with `alt`.
// - Destructive actions call confirmFirst() before acting.
// - Sizes and colours come from ui.css variables (--z-fs-s/m/l/xl, --z-ctl-h,
//   --z-muted…): no font-size below var(--z-fs-s) (14 px; 16 px in 关怀模式),
//   text colours ≥ 4.5:1 on their background. Page switches 关怀模式 (class
//   z-care) so sizes grow everywhere; keep layouts that wrap to one column.
// - Dates and times only through src/domain/time.ts (fmtDate, fmtDateTime, fmtMonth).

export { Page, Section, useCare } from './Page';
export { Card, LinkCard } from './Card';
export { Button, Choice, Tap } from './Button';
export { Loading, Empty, ErrorView } from './States';
export { Async } from './Async';
export { STATUS_TONE, Tag } from './Tag';
export type { Tone } from './Tag';
export { Field, TextInput, TextArea, Img } from './Field';
export { confirmFirst } from './confirm';
export { PhotoMark, PhotoTile, openOriginal, photoWords } from './PhotoTile';
export type { ListedPhoto } from './PhotoTile';
