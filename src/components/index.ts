// The design system. Its CSS (ui.css) is imported once, in app.tsx, so h5
// does not repeat it in every page's chunk.

export { Page, Section } from './Page';
export { Card, LinkCard } from './Card';
export { Button } from './Button';
export { Loading, Empty, ErrorView } from './States';
export { Async } from './Async';
export { STATUS_TONE, Tag } from './Tag';
export type { Tone } from './Tag';
export { Field, TextInput, TextArea } from './Field';
