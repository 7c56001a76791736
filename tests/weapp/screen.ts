// Rules every rendered WeChat screen keeps (run by the simulator after each
// settled render): a tappable element is announced as a control and has a name,
// and no text a person sees is template syntax, a JavaScript placeholder or an openid.
import { binding, textOf, visible, type RNode } from './render';

/** Roles a screen reader announces as something to activate. */
const CONTROL_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'option']);
/**
 * Elements whose template binds tap only when the app listens for a tap (Taro
 * renders view, text and image through handler-less templates otherwise); other
 * templates bind tap whether or not anyone listens, so a binding says nothing there.
 */
const BOUND_ONLY_WHEN_HANDLED = new Set(['view', 'text', 'image']);

/** An attribute under either spelling wcc may give it (aria-label or ariaLabel). */
function attrOf(n: RNode, dashed: string): unknown {
  return n.attr[dashed] ?? n.attr[dashed.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase())];
}

/** What a screen reader says for an element: its aria-label, else its text and its children's names. */
function nameOf(n: RNode): string {
  if (n.tag === '#text') return n.text;
  const label = attrOf(n, 'aria-label');
  if (typeof label === 'string' && label.trim()) return label.trim();
  return n.children.map(nameOf).join('').trim();
}

function describe(n: RNode): string {
  const cls = typeof n.attr.class === 'string' && n.attr.class ? `.${n.attr.class.trim().split(/\s+/).join('.')}` : '';
  const text = textOf(n).trim().slice(0, 20);
  return `<${n.tag}${cls}>${text ? `「${text}」` : ''}`;
}

/** Code leaking to the screen: {{x}}, undefined, null, NaN, [object Object]. */
const CODE = /\{\{\s*[A-Za-z_$][\w.$]*\s*\}\}|\bundefined\b|\bnull\b|\bNaN\b|\[object \w+\]/;
/** Template syntax ({unit}): never shown, not even in a field (the rules page shows 【单位名称】). */
const PLACEHOLDER = /\{[A-Za-z_]\w*\}/;
/** A WeChat openid: "o" and 27 more of [A-Za-z0-9_-]. */
const OPENID = /(?<![A-Za-z0-9_-])o[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])/;
/** Attributes whose text reaches people (shown or read aloud). */
const SPOKEN_ATTRS = ['placeholder', 'aria-label', 'value'];

export function screenProblems(nodes: RNode[], openid: string): string[] {
  const problems: string[] = [];
  const says = (where: string, s: string) => {
    const leak = CODE.exec(s) ?? PLACEHOLDER.exec(s);
    if (leak) problems.push(`${where} shows "${leak[0]}": ${JSON.stringify(s.trim().slice(0, 60))}`);
    if (OPENID.test(s) || (openid.length >= 6 && s.includes(openid)))
      problems.push(`${where} shows an openid: ${JSON.stringify(s.trim().slice(0, 60))}`);
  };
  for (const n of visible(nodes)) {
    if (n.tag === '#text') {
      says('text', n.text);
      continue;
    }
    for (const a of SPOKEN_ATTRS) {
      const v = attrOf(n, a);
      if (typeof v === 'string') says(`${describe(n)} ${a}`, v);
    }
    if (!binding(n, 'tap')) continue;
    const role = attrOf(n, 'aria-role');
    const isControl = n.tag === 'button' || (typeof role === 'string' && CONTROL_ROLES.has(role));
    if (!isControl && BOUND_ONLY_WHEN_HANDLED.has(n.tag))
      problems.push(`${describe(n)} handles taps but is neither a <button> nor has aria-role="button" (or link, checkbox…)`);
    if ((isControl || BOUND_ONLY_WHEN_HANDLED.has(n.tag)) && !nameOf(n))
      problems.push(`${describe(n)} handles taps but has no name (no aria-label and no text)`);
  }
  return problems;
}
