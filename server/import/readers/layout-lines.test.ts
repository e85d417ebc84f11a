import { describe, expect, it } from 'vitest';
import { explode, layoutRows, type Glyph, type LayoutPage, type Rule } from './layout-lines';

/** Chinese text set at 10 pt from x on baseline y (one em per character, half for Latin). */
const at = (x: number, y: number, s: string): Glyph[] => explode(s, x, y, [...s].reduce((w, c) => w + (c.codePointAt(0)! <= 0x2ff ? 5 : 10), 0), 10);
const h = (y: number, x1: number, x2: number): Rule => ({ x1, y1: y, x2, y2: y });
const v = (x: number, y1: number, y2: number): Rule => ({ x1: x, y1, x2: x, y2 });
const page = (glyphs: Glyph[][], rules: Rule[] = []): LayoutPage => ({ width: 595, height: 842, glyphs: glyphs.flat(), rules });
const cells = (pages: LayoutPage[]) => layoutRows(pages).map((r) => r.cells);

describe('rows from glyph positions', () => {
  it('reads a ruled table: wrapped cells joined, a merged category once, a cell spanning two columns', () => {
    // Columns 50|100|200|300|350; rows 100|130|160|175. Row 1 wraps in 工作标准 (60 pt of text per line).
    const rules = [h(100, 50, 350), h(130, 50, 350), h(160, 100, 350), h(175, 50, 350), v(50, 100, 175), v(100, 100, 175), v(200, 100, 175), v(300, 100, 160), v(350, 100, 175)];
    const glyphs = [
      at(55, 112, '1'),
      at(105, 112, '全年主要'),
      at(205, 112, '地区生产总值增长'),
      at(205, 126, '6%左右。'),
      at(305, 112, '区发改'),
      at(305, 126, '局'),
      at(205, 172, '跨两列的说明'),
      at(205, 142, '第二项'),
      at(305, 142, '区财政局'),
    ];
    expect(cells([page(glyphs, rules)])).toEqual([
      ['1', '全年主要', '地区生产总值增长6%左右。', '区发改局'],
      // 序号 and 目标名称 continue the merged cells above: empty, as Word's table reader gives them.
      ['', '', '第二项', '区财政局'],
      ['', '', '跨两列的说明', ''],
    ]);
  });

  it('puts back the space a wrap ate between two unit names, and keeps Latin words apart', () => {
    const rules = [h(100, 50, 135), h(160, 50, 135), h(200, 50, 135), v(50, 100, 200), v(135, 100, 200)];
    // 区生态环境分局 区农业农村局 broken at the space (the next 区 would not fit: the cell ends at 130).
    const glyphs = [at(55, 112, '区生态环境分局'), at(55, 126, '区农业农村局'), at(55, 172, 'APP and'), at(55, 186, 'GDP')];
    expect(cells([page(glyphs, rules)])).toEqual([['区生态环境分局 区农业农村局'], ['APP and GDP']]);
  });

  it('joins a paragraph wrapped at the margin, keeps a short line a paragraph of its own, drops page numbers and running headers', () => {
    const body = (n: number) => [
      at(50, 40, '新洲区人民政府办公室文件'),
      at(50, 100, `第${n}页的第一段文字一直写到右边距为止然后换行`),
      at(50, 114, '接着写完。'),
      at(50, 128, '另起一段。'),
      at(280, 800, `— ${n} —`),
    ];
    const rows = layoutRows([page(body(1)), page(body(2)), page(body(3))]);
    expect(rows.map((r) => r.cells)).toEqual(
      [1, 2, 3].flatMap((n) => [[`第${n}页的第一段文字一直写到右边距为止然后换行接着写完。`], ['另起一段。']]),
    );
    expect(rows.map((r) => `${r.page}:${r.line}`)).toEqual(['1:2', '1:4', '2:2', '2:4', '3:2', '3:4']);
  });

  it('finds the columns of a table drawn without rules from the white between them', () => {
    const glyphs = [
      at(50, 100, '序号'),
      at(100, 100, '工作标准'),
      at(250, 100, '责任单位'),
      at(50, 114, '1'),
      at(100, 114, '推进项目建设一'),
      at(250, 114, '区发改局'),
      at(100, 128, '批。'),
      at(50, 142, '2'),
      at(100, 142, '完成目标'),
      at(250, 142, '区财政局'),
    ];
    expect(cells([page(glyphs)])).toEqual([
      ['序号', '工作标准', '责任单位'],
      ['1', '推进项目建设一批。', '区发改局'],
      ['2', '完成目标', '区财政局'],
    ]);
  });

  it('joins a table row the page broke and drops the header the word processor repeats', () => {
    const table = (top: number, rows: [string, string, string][]) => {
      const rules: Rule[] = [v(50, top, top + rows.length * 30), v(100, top, top + rows.length * 30), v(200, top, top + rows.length * 30), v(300, top, top + rows.length * 30)];
      const glyphs: Glyph[][] = [];
      rows.forEach((r, i) => {
        rules.push(h(top + i * 30, 50, 300));
        r.forEach((t, c) => glyphs.push(at([55, 105, 205][c]!, top + i * 30 + 12, t)));
      });
      rules.push(h(top + rows.length * 30, 50, 300));
      return { glyphs, rules };
    };
    const one = table(700, [['序号', '工作标准', '责任单位'], ['1', '开展项目落地大比拼', '区发改局']]);
    const two = table(60, [['序号', '工作标准', '责任单位'], ['', '行动。', ''], ['2', '下一项', '区财政局']]);
    expect(cells([page(one.glyphs, one.rules), page(two.glyphs, two.rules)])).toEqual([
      ['序号', '工作标准', '责任单位'],
      ['1', '开展项目落地大比拼行动。', '区发改局'],
      ['2', '下一项', '区财政局'],
    ]);
  });
});
