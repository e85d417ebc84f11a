// Cleaning rows before they are read: reposting sites' pinyin, web-page furniture, one-line notices.
import { describe, expect, it } from 'vitest';
import { cleanNoticeRows, removeFurniture, removePinyin, splitOneLine } from './clean';
import { textToRows } from './rows';
import type { NoticeRow } from './types';

const texts = (rows: NoticeRow[]): string[] => rows.map((r) => r.cells.join('\t'));

describe('pinyin inserted after characters', () => {
  it('removes toned syllables after Han characters, in either script', () => {
    expect(removePinyin('區(qū)城管局牽(qiān)頭(tóu)')).toBe('區城管局牽頭');
    expect(removePinyin('责任分(fēn)解(jiě)')).toBe('责任分解');
    expect(removePinyin('发（fā）改委')).toBe('发改委');
  });

  it('removes a neutral-tone syllable only beside toned ones', () => {
    expect(removePinyin('我们(men)的(de)牵(qiān)头')).toBe('我们的牵头');
    expect(removePinyin('面积(mu)不变')).toBe('面积(mu)不变');
  });

  it('leaves what is not pinyin alone', () => {
    expect(removePinyin('建设城市绿道50公里(含滨江段12公里)')).toBe('建设城市绿道50公里(含滨江段12公里)');
    expect(removePinyin('提升服务(a)类事项')).toBe('提升服务(a)类事项');
    expect(removePinyin('(qiān) at the start')).toBe('(qiān) at the start');
    expect(removePinyin('区住建局(1)')).toBe('区住建局(1)');
  });
});

describe('web-page furniture', () => {
  it('drops navigation, breadcrumbs, buttons, sharing and the footer', () => {
    for (const line of [
      '首页 > 政务公开 > 通知公告',
      '当前位置：首页 > 政务公开 > 政策文件',
      '首页 | 新闻中心 | 政务公开 | 政务服务',
      '【字体：大 中 小】 打印本页',
      '打印本页  关闭窗口',
      '【打印】【关闭】',
      '分享到：微信 微博 QQ空间',
      '扫一扫在手机打开当前页',
      '上一篇：关于开展2024年春季植树活动的通知',
      '主办单位：湖北省人民政府办公厅 承办：省政府电子政务中心 网站标识码：4200000011 鄂ICP备05003307号',
      '版权所有：宜川市人民政府',
    ]) {
      expect(removeFurniture(line), line).toBe('');
    }
  });

  it('keeps the facts on a line and strips the furniture around them', () => {
    expect(removeFurniture('发布时间：2024-03-05 10:21    来源：市住建局    浏览次数：1387    【字体：大 中 小】')).toBe(
      '发布时间：2024-03-05 10:21',
    );
    expect(removeFurniture('发文字号：鄂政办发〔2024〕5号')).toBe('发文字号：鄂政办发〔2024〕5号');
  });

  it('never touches body text that uses the same words', () => {
    const body = '统筹资金来源：财政预算安排2000万元，主办单位：区商务局。';
    expect(removeFurniture(body)).toBe(body);
    expect(removeFurniture('牵头单位：区住建局')).toBe('牵头单位：区住建局');
  });
});

describe('a notice on one line', () => {
  const line =
    '关于2025年城区民生实事项目的分工  各街道：现将任务分解如下。一、城市建设 1.更新燃气管道35公里。（牵头单位：区住建局；配合单位：区财政局；完成时限：2025年10月底前）2.新建公共充电桩1500个。（牵头单位：区发改局）二、社会事业 3.新建托育点8个，新增托位400个，完善配套设施和人员配备，确保年内投入使用并向社会开放。牵头单位：区卫健局 完成时限：2025年12月底前。城区人民政府办公室 2025年3月1日';

  it('splits at sentence ends, gaps, items and labels, never inside a role parenthesis', () => {
    const rows = splitOneLine({ line: 1, cells: [line] });
    expect(texts(rows)).toEqual([
      '关于2025年城区民生实事项目的分工',
      '各街道：现将任务分解如下。',
      '一、城市建设',
      '1.更新燃气管道35公里。（牵头单位：区住建局；配合单位：区财政局；完成时限：2025年10月底前）',
      '2.新建公共充电桩1500个。（牵头单位：区发改局）',
      '二、社会事业',
      '3.新建托育点8个，新增托位400个，完善配套设施和人员配备，确保年内投入使用并向社会开放。',
      '牵头单位：区卫健局',
      '完成时限：2025年12月底前。',
      '城区人民政府办公室',
      '2025年3月1日',
    ]);
  });

  it('leaves ordinary lines, short lines and table rows as they are', () => {
    const para = { line: 3, cells: ['为加快推进城市更新行动，现将今年重点任务分解如下，请各责任单位抓好落实。'] };
    expect(splitOneLine(para)).toEqual([para]);
    const table = { line: 4, cells: [line, '区住建局', '12月'] };
    expect(splitOneLine(table)).toEqual([table]);
  });

  it('numbers the split rows on from their line and moves later rows down', () => {
    const rows = cleanNoticeRows([
      { line: 1, cells: [line] },
      { line: 2, cells: ['附：联系人 王敏'] },
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows[rows.length - 1]?.cells).toEqual(['附：联系人 王敏']);
  });
});

describe('cleanNoticeRows', () => {
  it('cleans a reposted page: furniture out, pinyin out, the rest kept with its line', () => {
    const rows = cleanNoticeRows(
      textToRows(
        ['首页 > 通知公告', '2025年民生实事项目责任分(fēn)解(jiě)', '来源：某某资讯网 阅读量：5621', '牵(qiān)头(tóu)单位：市教育局', '打印本页 关闭窗口'].join('\n'),
      ),
    );
    expect(rows).toEqual([
      { line: 2, cells: ['2025年民生实事项目责任分解'] },
      { line: 4, cells: ['牵头单位：市教育局'] },
    ]);
  });

  it('is linear: a megabyte of hostile text is cleaned quickly', () => {
    const hostile = [
      '區('.repeat(100_000),
      `${'首页 > '.repeat(50_000)}x`,
      `1.${'。（'.repeat(100_000)}`,
      `牵头单位：${'、'.repeat(200_000)}`,
    ];
    const started = performance.now();
    const rows = cleanNoticeRows(hostile.map((t, i) => ({ line: i + 1, cells: [t] })));
    expect(rows.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
