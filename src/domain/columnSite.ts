/**
 * The public column as a static website (政务公开主题日 活动专栏) for a government
 * portal: index.html (the year's published reports by month and by unit), one
 * page per report, feed.json (JSON Feed 1.1) and rss.xml. Pure: text in, files
 * out. Pages need no script and request nothing outside the site (styles are
 * inline, the theme-day mark is inline SVG, photos are files in the site).
 */
import { fmtDateTime, shanghaiMonthOf } from './time';

export interface ColumnPhoto {
  /** Path inside the site, e.g. img/3f2a….jpg */
  file: string;
  width?: number;
  height?: number;
}

export interface ColumnReport {
  /** File-name-safe id, unique in the site: the page is reports/<slug>.html */
  slug: string;
  title: string;
  paragraphs: string[];
  theme: string;
  units: string[];
  date: string | null; // YYYY-MM-DD
  publishedAt: string; // ISO with +08:00
  photos: ColumnPhoto[];
}

export interface ColumnSiteInput {
  jurisdictionName: string;
  year: number;
  generatedAt: string; // ISO with +08:00
  reports: ColumnReport[];
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

/** A report id as a file name: letters, digits, - and _ only. */
export const slugOf = (id: string) => id.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'report';

const KEYWORD = '政务公开主题日';

// Colours meet WCAG 2.1 AA contrast on their backgrounds (red #b3141b on white 6.5:1, text #1d1d1f 16:1, muted #595959 7:1).
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:16px;line-height:1.75;color:#1d1d1f;background:#f4f4f4}
a{color:#a51218}
a:focus,a:hover{outline:3px solid #1d5fbf;outline-offset:2px;text-decoration:none}
.skip{position:absolute;left:-9999px;top:0;background:#fff;color:#a51218;padding:8px 12px;z-index:10}
.skip:focus{left:8px;top:8px}
header.banner{background:#b3141b;color:#fff;padding:16px 0;border-bottom:4px solid #e6b422}
.wrap{max-width:960px;margin:0 auto;padding:0 16px}
.brand{display:flex;align-items:center;gap:12px;color:#fff;text-decoration:none}
.brand:focus,.brand:hover{outline-color:#fff}
.brand svg{flex-shrink:0}
.brand__t{font-size:22px;font-weight:700;letter-spacing:1px}
.brand__s{font-size:14px;opacity:.95}
nav.crumbs{font-size:14px;padding:12px 0;color:#595959}
nav.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px}
nav.crumbs li+li::before{content:"›";margin-right:4px}
main{background:#fff;padding:24px 16px 32px;margin-bottom:24px;border-top:3px solid #b3141b}
h1{font-size:26px;line-height:1.4;margin:0 0 12px}
h2{font-size:20px;margin:28px 0 12px;padding-left:10px;border-left:4px solid #b3141b}
h3{font-size:17px;margin:16px 0 8px}
.meta{color:#595959;font-size:15px;margin:0 0 16px}
ul.list{list-style:none;margin:0;padding:0}
ul.list li{padding:10px 0;border-bottom:1px dashed #d0d0d0;display:flex;flex-wrap:wrap;justify-content:space-between;gap:4px 16px}
ul.list .when{color:#595959;font-size:15px;white-space:nowrap}
article p{text-indent:2em;margin:0 0 14px}
figure{margin:20px 0;text-align:center}
figure img{max-width:100%;height:auto;border:1px solid #e0e0e0}
figcaption{color:#595959;font-size:14px;margin-top:6px}
.empty{color:#595959}
footer{color:#595959;font-size:14px;text-align:center;padding:0 0 32px}
`;

/** The theme-day mark: a red seal with 政务公开 / 主题日, drawn inline so the page fetches nothing. */
const MARK = `<svg width="48" height="48" viewBox="0 0 48 48" aria-hidden="true" focusable="false"><circle cx="24" cy="24" r="22" fill="#fff"/><circle cx="24" cy="24" r="19" fill="none" stroke="#b3141b" stroke-width="2"/><text x="24" y="22" font-size="9" text-anchor="middle" fill="#b3141b" font-weight="700">政务公开</text><text x="24" y="33" font-size="9" text-anchor="middle" fill="#b3141b" font-weight="700">主题日</text></svg>`;

function page(o: {
  title: string;
  site: ColumnSiteInput;
  root: string;
  crumbs: Array<{ label: string; href?: string }>;
  body: string;
}): string {
  const { site } = o;
  const crumbs = o.crumbs
    .map((c) =>
      c.href
        ? `<li><a href="${escapeHtml(c.href)}">${escapeHtml(c.label)}</a></li>`
        : `<li aria-current="page">${escapeHtml(c.label)}</li>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<link rel="alternate" type="application/rss+xml" title="${escapeHtml(`${site.jurisdictionName}${KEYWORD}活动专栏`)}" href="${o.root}rss.xml">
<link rel="alternate" type="application/feed+json" href="${o.root}feed.json">
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="banner"><div class="wrap"><a class="brand" href="${o.root}index.html">${MARK}<span><span class="brand__t">${escapeHtml(site.jurisdictionName)}“${KEYWORD}”活动专栏</span><br><span class="brand__s">${site.year}年 · 各单位活动成果集中展示</span></span></a></div></header>
<div class="wrap">
<nav class="crumbs" aria-label="当前位置"><ol>${crumbs}</ol></nav>
<main id="main">
${o.body}
</main>
<footer><p>${escapeHtml(site.jurisdictionName)}政务公开办 · 本页生成于 ${escapeHtml(fmtDateTime(site.generatedAt, { year: 0 }))}</p></footer>
</div>
</body>
</html>
`;
}

const monthOf = (r: ColumnReport) => (r.date ? shanghaiMonthOf(r.date) : null);
const byDateDesc = (a: ColumnReport, b: ColumnReport) =>
  (b.date ?? '').localeCompare(a.date ?? '') || b.publishedAt.localeCompare(a.publishedAt);

function item(r: ColumnReport, root: string): string {
  return `<li><a href="${root}reports/${r.slug}.html">${escapeHtml(r.title)}</a><span class="when">${escapeHtml(r.units.join('、'))}${r.date ? ` · <time datetime="${r.date}">${r.date}</time>` : ''}</span></li>`;
}

function indexPage(site: ColumnSiteInput): string {
  const reports = [...site.reports].sort(byDateDesc);
  const months = [...new Set(reports.map(monthOf))].sort((a, b) => (b ?? 0) - (a ?? 0));
  const units = [...new Set(reports.flatMap((r) => r.units))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const body = reports.length
    ? `<h1>${site.year}年“${KEYWORD}”活动</h1>
<p class="meta">共 ${reports.length} 篇活动报道，按月份和责任单位排列。</p>
<h2 id="by-month">按月份</h2>
${months
  .map((m) => {
    const rows = reports.filter((r) => monthOf(r) === m);
    return `<section aria-labelledby="m-${m ?? 'x'}"><h3 id="m-${m ?? 'x'}">${m ? `${m}月` : '日期待定'}</h3><ul class="list">${rows.map((r) => item(r, '')).join('')}</ul></section>`;
  })
  .join('\n')}
<h2 id="by-unit">按责任单位</h2>
${units
  .map((u, i) => {
    const rows = reports.filter((r) => r.units.includes(u));
    return `<section aria-labelledby="u-${i}"><h3 id="u-${i}">${escapeHtml(u)}（${rows.length}）</h3><ul class="list">${rows.map((r) => item(r, '')).join('')}</ul></section>`;
  })
  .join('\n')}`
    : `<h1>${site.year}年“${KEYWORD}”活动</h1><p class="empty">本年度暂无公开的活动报道。</p>`;
  return page({
    title: `${site.jurisdictionName}${site.year}年“${KEYWORD}”活动专栏`,
    site,
    root: '',
    crumbs: [{ label: '活动专栏' }],
    body,
  });
}

function reportPage(site: ColumnSiteInput, r: ColumnReport): string {
  const photos = r.photos
    .map(
      (p, i) =>
        `<figure><img src="../${escapeHtml(p.file)}" alt="${escapeHtml(`${r.title}：现场照片 ${i + 1}`)}"${p.width ? ` width="${p.width}"` : ''}${p.height ? ` height="${p.height}"` : ''}><figcaption>现场照片 ${i + 1}</figcaption></figure>`,
    )
    .join('\n');
  const body = `<article>
<h1>${escapeHtml(r.title)}</h1>
<p class="meta">责任单位：${escapeHtml(r.units.join('、'))}${r.date ? ` · 活动日期：<time datetime="${r.date}">${r.date}</time>` : ''} · 主题：${escapeHtml(r.theme)}</p>
${r.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${photos}
</article>
<p><a href="../index.html">返回活动专栏</a></p>`;
  return page({
    title: `${r.title} - ${site.jurisdictionName}“${KEYWORD}”活动专栏`,
    site,
    root: '../',
    crumbs: [{ label: '活动专栏', href: '../index.html' }, { label: r.title }],
    body,
  });
}

const xmlEsc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const rfc822 = (iso: string) => new Date(iso).toUTCString();

function rss(site: ColumnSiteInput, reports: ColumnReport[]): string {
  const items = reports
    .map(
      (r) =>
        `<item><title>${xmlEsc(r.title)}</title><link>reports/${r.slug}.html</link><guid isPermaLink="false">${xmlEsc(r.slug)}</guid><pubDate>${rfc822(r.publishedAt)}</pubDate><category>${xmlEsc(r.units.join('、'))}</category><description>${xmlEsc(r.paragraphs[0] ?? '')}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${xmlEsc(`${site.jurisdictionName}${site.year}年“${KEYWORD}”活动专栏`)}</title><link>index.html</link><description>${xmlEsc(`${site.jurisdictionName}各单位${KEYWORD}活动成果`)}</description><language>zh-cn</language><lastBuildDate>${rfc822(site.generatedAt)}</lastBuildDate>
${items}
</channel></rss>
`;
}

function feed(site: ColumnSiteInput, reports: ColumnReport[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${site.jurisdictionName}${site.year}年“${KEYWORD}”活动专栏`,
    home_page_url: 'index.html',
    language: 'zh-CN',
    items: reports.map((r) => ({
      id: r.slug,
      url: `reports/${r.slug}.html`,
      title: r.title,
      content_text: r.paragraphs.join('\n\n'),
      date_published: r.publishedAt,
      tags: r.units,
      ...(r.photos[0] ? { image: r.photos[0].file } : {}),
    })),
  };
}

/** Every text file of the site, by path. Photos are added by the caller under their `file` paths. */
export function renderColumnSite(site: ColumnSiteInput): Record<string, string> {
  const reports = [...site.reports].sort(byDateDesc);
  const files: Record<string, string> = {
    'index.html': indexPage(site),
    'feed.json': JSON.stringify(feed(site, reports), null, 2),
    'rss.xml': rss(site, reports),
  };
  for (const r of reports) files[`reports/${r.slug}.html`] = reportPage(site, r);
  return files;
}
