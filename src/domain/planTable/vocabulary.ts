/**
 * The words the plan-table reader recognises. Each list notes where its words
 * were seen: 000 = 邵阳市 2023 notice, 002 = 雨花区 2023 notice (both under
 * fixtures/plans), "other" = tables of other counties and districts in the same
 * programme (fixtures/plans/county-*, pdf-*), "common" = ordinary office usage.
 * Add a word here when a real table uses it; nothing else needs to change.
 */
import type { ColumnKind } from './types';

/** Activity forms; a cell made only of these (and separators) is a list of forms. */
export const KNOWN_FORMS: ReadonlySet<string> = new Set([
  // 000 邵阳市
  '现场培训',
  '政策宣传',
  '座谈交流',
  '实地调研',
  '现场观摩',
  '政策发布',
  '培训宣讲',
  '现场咨询',
  // 002 雨花区
  '政策宣讲',
  '宣传讲座',
  '现场调研',
  '实地观摩',
  '现场宣传',
  '问卷调查',
  '宣传展览',
  '现场活动',
  // other tables
  '设点宣传',
  '政策解读',
  '现场宣讲',
  '在线访谈',
  '网络直播',
  '开放日',
  '座谈会',
  '现场体验',
  '体验活动',
  '新闻发布会',
  '媒体见面会',
  '现场会',
  '研讨会',
  '听证会',
  '专题培训',
  '知识竞赛',
  '实地参观',
  '参观学习',
  '宣传活动',
  '主题活动',
  '直播',
  '现场解答',
  '入户走访',
  '展板宣传',
  '文艺汇演',
]);

/**
 * Parts of words that name an activity, never an organisation. A unit cell
 * containing one ("现场解答芙蓉北路街道") has taken text from the forms column.
 * 宣传 and 培训 are left out: 市委宣传部 and 区职业培训中心 are units.
 */
export const FORM_WORDS: readonly string[] = [
  '观摩',
  '座谈',
  '调研',
  '宣讲',
  '咨询',
  '解答',
  '解读',
  '讲座',
  '直播',
  '访谈',
  '走访',
  '问卷',
];

/**
 * How organisation names end (000, 002 and the county tables; 公司 for utilities such as 县住建局(自来水公司);
 * township tables: 新民村, 县第一中学). 乡村 is a theme word ("美丽乡村"), not a village.
 */
export const UNIT_END =
  /(局|委|办|中心|街道|镇|乡|区|县|市|院|会|所|司|队|站|室|部|处|科|团|社|联|协|厅|馆|组|署|府|行|台|园|校|厂|场|店|园区|分局|公司|(?<!乡)村|中学|小学|大学)$/;

/** "To be decided" as printed in time and form cells (002 uses 待定 for a form). */
export const TBD = /^(待定|未定|暂定|待确定|另定|另行通知|待通知|视情况而定|根据情况)$/;

/** Ditto marks: the cell repeats the one above it (common: 同上, 〃, and a quote mark typed as a ditto). */
export const DITTO = /^(同上|同上一行|同上行|仝上|〃|"|“|”|″)[。.]?$/;

/** Header cells, by the column they name. */
export const HEADER_WORDS: ReadonlyArray<readonly [RegExp, ColumnKind]> = [
  // 000, 002: 序号; other: 编号
  [/^(序号|编号|序|号)$/, 'seq'],
  // 000, 002: 活动主题; other: 主题, 活动名称, 活动内容; common: 主要内容 beside 活动主题
  [/^(活动主题|主题|活动名称|主题名称|活动内容|活动主题及内容|主题活动|活动项目|内容|主要内容|具体内容|活动简介)$/, 'theme'],
  // 002: 活动形式; 000: 活动方式; other: 形式, 开展方式
  [/^(活动形式|活动方式|形式|方式|开展形式|开展方式|活动形式及内容)$/, 'forms'],
  // 000, 002: 责任单位; other: 牵头单位, 承办单位; 牵头 under 责任单位 in a two-row header
  [/^(责任单位|牵头单位|承办单位|主办单位|责任部门|牵头部门|承办部门|单位|部门|责任单位及联系人|实施单位|主责单位|牵头)$/, 'units'],
  // 000: 时间; 002: 活动时间; other: 计划开展时间, 开展时间
  [/^(时间|活动时间|计划开展时间|开展时间|计划时间|时间安排|计划月份|月份|拟开展时间|预计时间|活动日期|日期)$/, 'months'],
  // other: columns the plan keeps in raw only
  [/^(备注|配合单位|协办单位|联系人|联系电话|地点|活动地点|参与对象|邀请对象|配合|协办|配合部门)$/, 'other'],
];

/**
 * Header cells in words no table here used, by what they contain (other: "活动名称及主要内容",
 * "责任单位（牵头）" once its bracket is gone, "具体开展时间"; each half of "责任单位及联系方式").
 * Checked in order, after HEADER_WORDS, on short cells only, so a row of data is never taken for a header.
 */
export const HEADER_PARTS: ReadonlyArray<readonly [RegExp, ColumnKind]> = [
  [/配合|协办|协助|参与单位|联系|电话|备注|地点|场所|对象|人数|经费|预算|要求|目标|成效/, 'other'],
  [/形式|方式/, 'forms'],
  [/单位|部门/, 'units'],
  [/时间|月份|日期|时限|期限/, 'months'],
  [/主题|名称|内容|项目|活动/, 'theme'],
];

/** Lines after which the table is over: 000 and 002 go on with 附件2, 一、… and 抄送. */
export const END_OF_TABLE = /^(附件|附表|注[:：]|说明[:：]|抄送|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;

/** A totals row at the foot of a table or a group (合计 3 项): not an activity. */
export const TOTAL_ROW = /^(合计|总计|小计|共计)[:：]?/;

/** Page numbers that Word and PDF copies leave between rows ("— 2 —", "第 3 页 共 5 页", "2/5"). */
export const PAGE_MARK = /^([-—–\s]*\d+[-—–\s]*|第\s*\d+\s*页.*|共\s*\d+\s*页.*|\d+\s*\/\s*\d+)$/;

/**
 * Contact details written in a unit cell (责任单位及联系人 tables, Word cells with one paragraph per
 * line: "联系人：张三", "联系电话：0739-…"). The label and what follows it are not part of the unit.
 */
export const CONTACT_LABEL =
  /^(联系人|联系电话|联系方式|联系手机|联系号码|办公电话|固定电话|电话|手机|座机|固话|负责人|经办人|邮箱|(tel|TEL|Tel)(?![a-z]))/;

/**
 * Roles written with a unit (common: "牵头单位：县金融服务中心", "县发改局（牵头）", "市发改委牵头，市财政局配合").
 * ROLE_WORD is a whole bracket or label; UNIT_PREFIX and UNIT_SUFFIX are cut off a unit name.
 */
export const ROLE_WORD =
  /^(牵头|配合|协办|协助|主办|承办|参与|负责|主责|牵头单位|配合单位|协办单位|主办单位|承办单位|参与单位|责任单位|牵头部门|配合部门)$/;
export const UNIT_PREFIX = /^(牵头|配合|协办|协助|主办|承办|参与|责任)(单位|部门)?/;
export const UNIT_SUFFIX = /(牵头|配合|协办|协助|主办|承办|参与|负责|联合开展|共同开展|等相关单位|等相关部门|等成员单位|等单位|等部门|等)$/;

/**
 * Common surnames (the hundred most frequent, and the compound ones), to tell a contact person
 * ("张三", "李科长") standing alone in a unit cell from a unit name.
 */
export const SURNAME =
  /^(欧阳|司马|上官|诸葛|东方|皇甫|令狐|慕容|尉迟|公孙|夏侯|端木|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧易常温康施文牛樊葛邢安齐伍庞颜倪洪])/;
