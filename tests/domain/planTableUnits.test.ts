// The 责任单位 cell: unit names become public and units are created by name, so a
// person's name or phone must never end up in one, roles (牵头/配合) are not part
// of a name, and units joined by 和/及/与 are two units — but only where both
// sides are whole unit names (县人力资源和社会保障局 is one unit).
import { looksLikeUnit, parsePlanTable, parseRows, readUnits, unitProblem } from '@/domain/planTable';
import { fitScore } from '@/domain/planTable/align';

const CONTACT = (seq: number, units: string) => `序号${seq}的责任单位里写有联系人或电话，只导入了单位名称：${units}`;

describe('readUnits: contact details are dropped, and said so', () => {
  test.each([
    ['名字和手机号跟在单位后面', '县财政局 张三 13907391234', ['县财政局']],
    ['名字和座机在下一行', '县公安局\n李四 0739-5123456', ['县公安局']],
    ['Word 段落：联系人、联系电话', '县财政局\n联系人：张三\n联系电话：0739-5123456', ['县财政局']],
    ['半角冒号，多个联系人', '区民政局 联系人:张三、李四 电话:13800138000', ['区民政局']],
    ['标签后直接写名字', '区民政局 联系人张三', ['区民政局']],
    ['负责人和职务', '区民政局\n负责人：王科长', ['区民政局']],
    ['联系方式一行', '区民政局（联系方式：13800138000）', ['区民政局']],
    ['单位后冒号', '区民政局：张三 13800138000', ['区民政局']],
    ['斜杠分隔', '区民政局/张三/85881234', ['区民政局']],
    ['手机号中间有空格', '区卫健局 139 0739 1234', ['区卫健局']],
    ['手机号有短横', '区卫健局 139-0739-1234', ['区卫健局']],
    ['全角数字', '区卫健局 １３９０７３９１２３４', ['区卫健局']],
    ['区号在括号里、分机', '县公安局 （0739）5123456转801', ['县公安局']],
    ['+86', '区医保局 +86 13800138000', ['区医保局']],
    ['只有电话', '区医保局 85881234', ['区医保局']],
    ['座机号中间有空格', '区人社局 0731-8588 1234', ['区人社局']],
    ['电子邮箱', '区人社局 zhangsan@163.com', ['区人社局']],
    ['名字紧贴单位名、没有电话', '县财政局张三', ['县财政局']],
    ['名字紧贴单位名', '区民政局张三13800138000', ['区民政局']],
    ['括号里只有名字', '区民政局（张三）', ['区民政局']],
    ['括号里名字和电话', '县统计局（王五，13807391234）', ['县统计局']],
    ['复姓', '县文旅局 欧阳娜娜 13800138000', ['县文旅局']],
    ['两个单位各带联系人', '区民政局（联系人：张三）、区财政局（联系人：李四）', ['区民政局', '区财政局']],
    ['名字在单位之间', '区民政局 张三\n区财政局 李四', ['区民政局', '区财政局']],
    ['只有联系人', '联系人：张三', []],
  ])('%s', (_n, cell, units) => {
    expect(readUnits(cell)).toEqual({ units, contactDropped: true });
  });

  test.each([
    ['热线号码是名称的一部分', '县12345热线服务中心', ['县12345热线服务中心']],
    ['第一中学', '县第一中学', ['县第一中学']],
    ['姓氏开头的单位', '黄花镇、林业局、高桥街道', ['黄花镇', '林业局', '高桥街道']],
    ['姓氏开头、换行断开的单位', '龙华区人\n民政府', ['龙华区人民政府']],
    ['换行断开的街道名', '高桥街\n道', ['高桥街道']],
    ['括号里的下属单位', '县住建局（自来水公司）', ['县住建局（自来水公司）']],
    ['括号里的编号', '区税务局(第一税务所)', ['区税务局(第一税务所)']],
  ])('%s: nothing dropped', (_n, cell, units) => {
    expect(readUnits(cell)).toEqual({ units, contactDropped: false });
  });
});

describe('readUnits: roles and joined units', () => {
  test.each([
    ['和', '县财政局和县税务局', ['县财政局', '县税务局']],
    ['及', '县财政局及县税务局', ['县财政局', '县税务局']],
    ['与', '县委宣传部与县融媒体中心', ['县委宣传部', '县融媒体中心']],
    ['以及', '县教育局以及各中小学校', ['县教育局', '各中小学校']],
    ['和连着含“和”的名称', '县财政局和县人力资源和社会保障局', ['县财政局', '县人力资源和社会保障局']],
    ['及各分局', '市自然资源和规划局及各分局', ['市自然资源和规划局', '各分局']],
    ['括号标牵头配合', '县发改局（牵头）、县工商联（配合）', ['县发改局', '县工商联']],
    ['半角括号', '县发改局(牵头单位)', ['县发改局']],
    ['牵头单位：配合单位：', '牵头单位：县金融服务中心；配合单位：县公安局', ['县金融服务中心', '县公安局']],
    ['Word 段落里的牵头配合', '牵头单位：县金融服务中心\n配合单位：县公安局、县市场监管局', ['县金融服务中心', '县公安局', '县市场监管局']],
    ['牵头、配合写在名称后', '市发改委牵头，市财政局配合', ['市发改委', '市财政局']],
    ['联合开展', '县财政局、县税务局联合开展', ['县财政局', '县税务局']],
    ['等相关单位', '市发改委等相关单位', ['市发改委']],
    ['句号', '县财政局。', ['县财政局']],
  ])('%s', (_n, cell, units) => {
    expect(readUnits(cell)).toEqual({ units, contactDropped: false });
  });

  test.each([
    ['县人力资源和社会保障局'],
    ['市住房和城乡建设局'],
    ['区科学技术和工业信息化局'],
    ['市自然资源和规划局'],
    ['县卫生健康委员会'],
    ['县市场和质量监督管理局'],
    ['县文化和旅游局'],
    ['县发展和改革局'],
    ['县工业和信息化局'],
    ['县民族和宗教事务局'],
    ['县住建局（县财政局和县税务局）'],
  ])('%s stays one unit', (name) => {
    expect(readUnits(name).units).toEqual([name]);
  });
});

describe('unit names: endings and digits', () => {
  test.each([
    ['新民村', true],
    ['县第一中学', true],
    ['城关小学', true],
    ['美丽乡村', false],
    ['张三', false],
  ])('looksLikeUnit(%s)', (name, ok) => {
    expect(looksLikeUnit(name)).toBe(ok);
  });

  test.each([
    ['县12345热线服务中心', null],
    ['市120急救中心', null],
    ['新民村', null],
    ['县第一中学', null],
    ['区教育局2', '责任单位“区教育局2”里有数字，请核对是否与序号或时间一列错位'],
    ['2区教育局', '责任单位“2区教育局”里有数字，请核对是否与序号或时间一列错位'],
  ])('unitProblem(%s)', (name, problem) => {
    expect(unitProblem(name)).toBe(problem);
  });
});

describe('the table: one warning per row, never repeating the name or phone', () => {
  test('责任单位及联系人', () => {
    const r = parsePlanTable(
      [
        '序号\t活动主题\t活动形式\t责任单位及联系人\t时间',
        '1\t政府采购政策宣讲\t现场培训\t县财政局 张三 13907391234\t4月',
        '2\t警营开放日\t现场观摩\t"县公安局\n李四 0739-5123456"\t8月',
        '3\t统计开放日\t开放日\t县统计局（王五，13807391234）\t9月',
        '4\t税费服务座谈\t座谈交流\t县税务局和县财政局\t10月',
      ].join('\n'),
    );
    expect(r.events.map((e) => e.units)).toEqual([['县财政局'], ['县公安局'], ['县统计局'], ['县税务局', '县财政局']]);
    expect(r.warnings).toEqual([
      { row: 2, field: 'units', message: CONTACT(1, '县财政局') },
      { row: 3, field: 'units', message: CONTACT(2, '县公安局') },
      { row: 5, field: 'units', message: CONTACT(3, '县统计局') },
    ]);
    const text = r.warnings.map((w) => w.message).join('\n');
    expect(text).not.toMatch(/张三|李四|王五|\d{7}/);
  });

  test('one cell per line: a village is a unit, a form ending in 、 goes on to the next line', () => {
    const lines = ['序号', '活动主题', '活动形式', '责任单位', '时间'];
    const rows = [
      ['1', '村务公开日', '新民村', '5月'],
      ['2', '宪法宣传周', '现场宣传、', '政策解读', '区司法局', '12月'],
    ];
    const r = parsePlanTable([...lines, ...rows.flat()].join('\n'));
    expect(r.events.map(({ theme, forms, units }) => ({ theme, forms, units }))).toEqual([
      { theme: '村务公开日', forms: [], units: ['新民村'] },
      { theme: '宪法宣传周', forms: ['现场宣传', '政策解读'], units: ['区司法局'] },
    ]);
  });

  test('a .xlsx-style row with contacts over several lines of the cell', () => {
    const r = parseRows([
      { line: 1, text: '', cells: ['序号', '活动主题', '活动形式', '责任单位', '时间'] },
      { line: 2, text: '', cells: ['1', '医保政策进社区', '现场咨询', '县医保局\n联系人：赵六\n手机：13600001111', '5月'] },
    ]);
    expect(r.events[0].units).toEqual(['县医保局']);
    expect(r.warnings).toEqual([{ row: 2, field: 'units', message: CONTACT(1, '县医保局') }]);
  });

  test('fitScore: "现场宣传、" is a form', () => {
    expect(fitScore('forms', '现场宣传、')).toBe(3);
  });
});
