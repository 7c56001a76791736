// The evidence pack's index.html: one printable Chinese page per event, built
// from plain data (no I/O), so it is tested on its own and opens in any browser
// from the unzipped folder (photos are linked by their paths in the pack).
// Nobody is named by an openid here: people appear as their role (or their
// name where one is on record); residents only as numbers and ratings.
import { fmtDateTime } from './time';

export interface PackPlanVersion {
  version: number;
  date: string;
  startTime: string | null;
  venue: string;
  forms: string[];
  invitees: string[];
  banner: string;
  publicSeats: number;
  filedAt: string;
  filedBy: string;
  /** The plan deadline for this version's date. */
  deadline: string | null;
  onTime: boolean;
  outsidePlannedMonths: boolean;
  attachment: string | null;
}

export interface PackPhoto {
  path: string;
  sha256: string;
  /** The stored bytes hash to the fingerprint the phone sent when it uploaded. */
  matchesUpload: boolean;
  stamped: boolean;
  hasLogo: boolean;
  logoConfirmed: { by: string; at: string } | null;
  takenAt: string | null;
  uploadedAt: string | null;
  uploadedBy: string;
}

export interface PackReportVersion {
  kind: string; // 情况报告, 专栏材料, 新闻稿…
  version: number;
  title: string;
  paragraphs: string[];
  submittedAt: string | null;
  submittedBy: string;
  deadline: string | null;
  late: boolean | null;
  workdaysLate: number | null;
  status: string;
  review: { decision: string; comment: string | null; by: string; at: string | null } | null;
  attendance: Record<string, number> | null;
  files: string[];
}

export interface PackTrailStep {
  at: string;
  what: string;
  who: string;
}

export interface PackResidents {
  publicSeats: number;
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  attended: number;
  reportedAttendance: number | null;
  ratings: number;
  avgRating: number | null;
}

export interface PackEvent {
  eventId: string;
  seq: number;
  theme: string;
  forms: string[];
  units: string[];
  months: string;
  status: string;
  removedFromPlan: boolean;
  /** Last day to file a plan on time for the planned months (null: 待定). */
  planDeadline: string | null;
  plans: PackPlanVersion[];
  checkin: { at: string; distanceMeters: number | null; accuracy: number | null; flags: string[]; by: string } | null;
  photos: PackPhoto[];
  reports: PackReportVersion[];
  trail: PackTrailStep[];
  residents: PackResidents;
}

export interface PackHeader {
  jurisdictionName: string;
  year: number;
  scope: string;
  builtAt: string;
  files: number;
  bytes: number;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string | number | null | undefined): string => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);

/** "2023-04-24T23:59:59+08:00" → "2023-04-24 23:59". */
export const when = (iso: string | null | undefined): string => fmtDateTime(iso, { year: 0 }) || '—';

const FLAG_LABELS: Record<string, string> = {
  far_from_venue: '距活动地点超过500米',
  poor_accuracy: '定位精度差',
  no_venue_location: '方案未标注活动地点坐标',
  no_checkin: '未现场签到',
};
export const flagLabel = (f: string): string => FLAG_LABELS[f] ?? f;

const yesNo = (b: boolean, yes: string, no: string) => (b ? `<span class="ok">${yes}</span>` : `<span class="bad">${no}</span>`);

function row(label: string, value: string): string {
  return `<tr><th>${esc(label)}</th><td>${value}</td></tr>`;
}

function planHtml(e: PackEvent): string {
  if (!e.plans.length) {
    return `<p class="bad">未报备活动方案${e.planDeadline ? `（按计划月份，最晚应于 ${esc(when(e.planDeadline))} 前报备）` : ''}。</p>`;
  }
  return e.plans
    .map(
      (p) => `<table class="kv"><caption>活动方案 第${p.version}版${p.version === e.plans[0].version ? '（最新）' : ''}</caption>
${row('活动日期', `${esc(p.date)}${p.startTime ? ` ${esc(p.startTime)}` : ''}${p.outsidePlannedMonths ? '（不在计划月份内）' : ''}`)}
${row('活动地点', esc(p.venue))}
${row('活动形式', esc(p.forms.join('、') || '—'))}
${row('邀请对象', esc(p.invitees.join('、') || '—'))}
${row('会标', esc(p.banner || '—'))}
${row('面向市民名额', esc(p.publicSeats))}
${row('报备时间', `${esc(when(p.filedAt))}，${esc(p.filedBy)}`)}
${row('报备截止', `${esc(when(p.deadline))}　${yesNo(p.onTime, '按时报备', '逾期报备')}`)}
${p.attachment ? row('方案附件', `<a href="${esc(p.attachment)}">${esc(p.attachment)}</a>`) : ''}
</table>`,
    )
    .join('\n');
}

function checkinHtml(e: PackEvent): string {
  const c = e.checkin;
  if (!c) return '<p class="bad">无现场签到记录。</p>';
  return `<table class="kv"><caption>现场签到</caption>
${row('签到时间（服务器）', esc(when(c.at)))}
${row('距活动地点', c.distanceMeters === null ? '—（方案未标注坐标）' : `${esc(c.distanceMeters)} 米`)}
${row('定位精度', c.accuracy === null ? '—' : `${esc(c.accuracy)} 米`)}
${row('提示', esc(c.flags.map(flagLabel).join('；') || '无'))}
${row('签到人', esc(c.by))}
</table>`;
}

function photosHtml(e: PackEvent): string {
  if (!e.photos.length) return '<p>无现场照片。</p>';
  const logo = e.photos.filter((p) => p.hasLogo).length;
  return `<p>现场照片 ${e.photos.length} 张，其中带“政务公开主题日”标识 ${logo} 张。</p>
<div class="photos">${e.photos
    .map(
      (p) => `<figure><img src="${esc(p.path)}" alt="现场照片"><figcaption>${esc(p.path.split('/').pop())}<br>
拍摄 ${esc(when(p.takenAt))}　上传 ${esc(when(p.uploadedAt))}<br>
${p.stamped ? '小程序加盖标识' : '未加盖标识'}　${yesNo(p.hasLogo, '有标识', '无标识')}${p.logoConfirmed ? `（${esc(p.logoConfirmed.by)}于${esc(when(p.logoConfirmed.at))}确认）` : ''}<br>
${yesNo(p.matchesUpload, '与上传时指纹一致', '与上传时指纹不一致')}<br><code>${esc(p.sha256)}</code></figcaption></figure>`,
    )
    .join('\n')}</div>`;
}

function reportsHtml(e: PackEvent): string {
  if (!e.reports.length) return '<p class="bad">未提交情况报告。</p>';
  return e.reports
    .map(
      (r) => `<div class="report"><h4>${esc(r.kind)} 第${r.version}版：${esc(r.title)}</h4>
<table class="kv">
${row('提交时间', `${esc(when(r.submittedAt))}，${esc(r.submittedBy)}`)}
${r.deadline ? row('截止时间', `${esc(when(r.deadline))}　${r.late === null ? '' : yesNo(!r.late, '按时', `逾期${r.workdaysLate ?? ''}个工作日`)}`) : ''}
${row('状态', esc(r.status))}
${r.review ? row('审核', `${esc(r.review.decision)}，${esc(r.review.by)}，${esc(when(r.review.at))}${r.review.comment ? `：${esc(r.review.comment)}` : ''}`) : ''}
${
  r.attendance
    ? row(
        '参加人数',
        esc(
          Object.entries(r.attendance)
            .map(([k, v]) => `${ATTENDANCE[k] ?? k}${v}`)
            .join('，'),
        ),
      )
    : ''
}
${r.files.length ? row('附件', r.files.map((f) => `<a href="${esc(f)}">${esc(f.split('/').pop())}</a>`).join('　')) : ''}
</table>
${r.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div>`,
    )
    .join('\n');
}

const ATTENDANCE: Record<string, string> = {
  total: '合计',
  deputies: '人大代表、政协委员',
  experts: '专家学者',
  media: '新闻媒体',
  residents: '群众',
};

function residentsHtml(r: PackResidents): string {
  return `<table class="kv"><caption>群众参与（不含个人信息）</caption>
${row('面向市民名额', esc(r.publicSeats))}
${row('报名', `确认 ${esc(r.confirmed)} 人，候补 ${esc(r.waitlisted)} 人，取消 ${esc(r.cancelled)} 人`)}
${row('现场扫码签到', `${esc(r.attended)} 人`)}
${row('报告所载参加人数', r.reportedAttendance === null ? '—' : `${esc(r.reportedAttendance)} 人`)}
${row('群众评价', r.ratings ? `${esc(r.ratings)} 条，平均 ${esc(r.avgRating)} 分` : '暂无')}
</table>`;
}

function trailHtml(e: PackEvent): string {
  if (!e.trail.length) return '<p>暂无记录。</p>';
  return `<table class="trail"><thead><tr><th>时间</th><th>事项</th><th>经办</th></tr></thead><tbody>
${e.trail.map((t) => `<tr><td>${esc(when(t.at))}</td><td>${esc(t.what)}</td><td>${esc(t.who)}</td></tr>`).join('\n')}
</tbody></table>`;
}

export function eventSectionHtml(e: PackEvent): string {
  return `<section class="event" id="e${e.seq}">
<h2>${esc(e.seq)}. ${esc(e.theme)}</h2>
<p class="meta">责任单位：${esc(e.units.join('、'))}　活动形式：${esc(e.forms.join('、') || '—')}　计划时间：${esc(e.months)}　状态：${esc(e.status)}${e.removedFromPlan ? '（已移出计划）' : ''}</p>
<h3>一、活动方案</h3>${planHtml(e)}
<h3>二、现场签到</h3>${checkinHtml(e)}
<h3>三、现场照片</h3>${photosHtml(e)}
<h3>四、情况报告与材料</h3>${reportsHtml(e)}
<h3>五、审核与公开记录</h3>${trailHtml(e)}
<h3>六、群众参与与评价</h3>${residentsHtml(e.residents)}
</section>`;
}

const CSS = `body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#222;max-width:960px;margin:0 auto;padding:24px;line-height:1.6}
h1{color:#c8161d;font-size:24px}h2{border-bottom:2px solid #c8161d;padding-bottom:4px;font-size:20px}h3{font-size:16px;margin:18px 0 6px}h4{margin:8px 0}
table{border-collapse:collapse;width:100%;margin:6px 0;font-size:14px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
table.kv th{width:9em;background:#f6f6f6;font-weight:normal}caption{text-align:left;font-weight:bold;padding:4px 0}
.ok{color:#1a7f37}.bad{color:#c8161d}.meta{color:#555}code{font-size:11px;word-break:break-all}
.photos{display:flex;flex-wrap:wrap;gap:8px}figure{margin:0;width:220px;font-size:12px}figure img{width:220px;height:165px;object-fit:cover;border:1px solid #ddd}
.toc a{text-decoration:none;color:#222}
@media print{body{padding:0;max-width:none}section.event{break-before:page}figure{break-inside:avoid}a{color:#222}.noprint{display:none}}`;

export function renderEvidenceIndex(h: PackHeader, events: PackEvent[]): string {
  const toc = events
    .map((e) => `<li><a href="#e${e.seq}">${esc(e.seq)}. ${esc(e.theme)}</a>（${esc(e.units.join('、'))}，${esc(e.status)}）</li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(h.jurisdictionName)}${esc(h.year)}年政务公开主题日证据包</title><style>${CSS}</style></head>
<body>
<h1>${esc(h.jurisdictionName)}${esc(h.year)}年“政务公开主题日”活动证据包</h1>
<table class="kv">
${row('范围', esc(h.scope))}
${row('活动数', esc(events.length))}
${row('生成时间', esc(when(h.builtAt)))}
${row('文件', `${esc(h.files)} 个，${esc((h.bytes / 1048576).toFixed(1))} MB`)}
</table>
<p class="noprint">每个文件的 SHA-256 指纹列在 manifest.json 中。核验：<code>npm run verify-pack -- 证据包.zip</code>，任何一个字节被改动都会被发现。</p>
<h2>目录</h2><ul class="toc">${toc}</ul>
${events.map(eventSectionHtml).join('\n')}
</body></html>
`;
}
