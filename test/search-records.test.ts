import { describe, expect, it } from 'vitest';
import { pageRecord, pageUrl, SearchRecord } from '../src/lib/search/record.ts';
import { highlightRanges } from '../src/lib/search/highlight.ts';

const page = (body: string, head = '<title>页面 · 年报开放数据</title>') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${head}</head><body><header><nav><a href="/">总览</a></nav></header><main>${body}</main><footer><p>页脚</p></footer></body></html>`;

describe('search records from built pages', () => {
  it('a report page: filters, meta, title, and the text of the body without the ignored parts', () => {
    const html = page(`
      <article data-pagefind-body data-pagefind-meta="agency:滨湖区行政审批局">
        <span data-pagefind-filter="类型:报告"></span><span data-pagefind-filter="年度:2020" data-pagefind-sort="year:2020"></span>
        <span data-pagefind-filter="表式:2019 版"></span>
        <h1>滨湖区行政审批局2020年政府信息公开工作年度报告</h1>
        <dl class="meta"><dt>发布机构</dt><dd><a href="/agencies/x/">滨湖区行政审批局</a>（部门）</dd><dt>报告年度</dt><dd>2020</dd></dl>
        <section data-pagefind-ignore><h2>主要数字</h2><ul><li><span class="v">12</span>本年新收申请</li></ul></section>
        <section><h2>二、主动公开政府信息情况</h2><p class="scroll-hint" data-pagefind-ignore hidden>左右滑动</p>
          <div class="scroll" data-pagefind-ignore><table><tr><th>制发件数</th><td>3</td></tr></table></div></section>
        <section><h2>报告正文</h2><section><h3>一、总体情况</h3><div class="section-text">本机关依申请公开
政府信息&amp;数据，
   按期答复。</div></section></section>
      </article>
      <section id="source"><h2>原文</h2><pre>不在搜索范围内的原文</pre></section>`);
    const r = pageRecord(html, '/reports/0123456789abcdef/');
    expect(r).toEqual({
      url: '/reports/0123456789abcdef/',
      content:
        '滨湖区行政审批局2020年政府信息公开工作年度报告. 发布机构 滨湖区行政审批局（部门） 报告年度 2020 二、主动公开政府信息情况. 报告正文. 一、总体情况. 本机关依申请公开 政府信息&数据， 按期答复。',
      filters: { 类型: ['报告'], 年度: ['2020'], 表式: ['2019 版'] },
      meta: { agency: '滨湖区行政审批局', title: '滨湖区行政审批局2020年政府信息公开工作年度报告' },
      sort: { year: '2020' },
    });
    expect(SearchRecord.parse(r)).toEqual(r);
  });

  it('a directory page: the body is a part of the page; text and links outside it are not indexed', () => {
    const html = page(
      `<nav aria-label="上级地区"><p><a href="/regions/320000/">江苏省</a> ›</p></nav>
       <div data-pagefind-body><span data-pagefind-filter="类型:地区"></span><h1>滨湖区</h1><p>行政区划代码 320211 · 3 份报告（含下级地区）</p></div>
       <table class="list"><caption>各年度报告</caption><tr><td>2020</td></tr></table>`,
    );
    expect(pageRecord(html, '/regions/320211/')).toEqual({
      url: '/regions/320211/',
      content: '滨湖区. 行政区划代码 320211 · 3 份报告（含下级地区）',
      filters: { 类型: ['地区'] },
      meta: { title: '滨湖区' },
      sort: {},
    });
  });

  it('a page without data-pagefind-body is not indexed', () => {
    expect(pageRecord(page('<h1>全部报告</h1><p>第 2 页</p>'), '/reports/page/2/')).toBeNull();
  });

  it('blocks are separated, inline elements are not; script, style and template are no text', () => {
    const r = pageRecord(
      page(
        `<div data-pagefind-body><h1>标题（一）</h1><p>甲<b>乙</b><a href="#">丙</a>丁</p><p>戊</p>己<br>庚<ul><li>一</li><li>二</li></ul>` +
          `<script>var x = "<p>脚本</p>";</script><style>p{color:red}</style><template><p>模板</p></template></div>`,
      ),
      '/x/',
    )!;
    // A heading ending in punctuation gets no full stop.
    expect(r.content).toBe('标题（一） 甲乙丙丁 戊 己 庚 一 二');
  });

  it('ignored parts nest; several bodies are read in order; filters count anywhere on the page', () => {
    const r = pageRecord(
      page(
        `<span data-pagefind-filter="类型:机关"></span><p>外面</p>` +
          `<div data-pagefind-body><h1>机关甲</h1><div data-pagefind-ignore>忽略<div>也忽略</div></div>留下</div>` +
          `<p>中间</p><div data-pagefind-body>第二部分<span data-pagefind-ignore data-pagefind-filter="核对:一致">x</span></div>`,
      ),
      '/agencies/0123456789ab/',
    )!;
    expect(r.content).toBe('机关甲. 留下 第二部分');
    expect(r.filters).toEqual({ 类型: ['机关'], 核对: ['一致'] });
    expect(r.meta.title).toBe('机关甲');
  });

  it('values: everything after the first colon, white space collapsed; a filter may have several values', () => {
    const r = pageRecord(
      page(
        `<div data-pagefind-body data-pagefind-meta="title:自定 标题"><span data-pagefind-filter="备注: a:b  c "></span>` +
          `<span data-pagefind-filter="年度:2019"></span><span data-pagefind-filter="年度:2020"></span><h1>不是标题</h1></div>`,
      ),
      '/x/',
    )!;
    expect(r.filters).toEqual({ 备注: ['a:b c'], 年度: ['2019', '2020'] });
    expect(r.meta).toEqual({ title: '自定 标题' });
  });

  it('the title is the first non-empty h1, else the page title', () => {
    expect(pageRecord(page('<h1></h1><div data-pagefind-body><h1>第二</h1></div>'), '/x/')!.meta.title).toBe('第二');
    expect(pageRecord(page('<div data-pagefind-body><p>无标题</p></div>'), '/x/')!.meta.title).toBe(
      '页面 · 年报开放数据',
    );
  });

  it('a form the pages do not use stops the build instead of being misread', () => {
    expect(() =>
      pageRecord(page('<div data-pagefind-body><span data-pagefind-filter="类型">报告</span></div>'), '/x/'),
    ).toThrow(/name:value/);
    expect(() => pageRecord(page('<div data-pagefind-body><p data-pagefind-ignore="all">x</p></div>'), '/x/')).toThrow(
      /plain form/,
    );
    expect(() => pageRecord(page('<div data-pagefind-body><h2 data-pagefind-weight="9">x</h2></div>'), '/x/')).toThrow(
      /not supported/,
    );
  });

  it('a long page after the body is not read, unless it holds more of what a record takes', () => {
    const tail = `<pre>${'原文一行\n'.repeat(20000)}</pre>`;
    const body = '<div data-pagefind-body><h1>甲</h1></div>';
    expect(pageRecord(page(body + tail), '/x/')!.content).toBe('甲.');
    expect(pageRecord(page(body + tail + '<span data-pagefind-filter="类型:报告"></span>'), '/x/')!.filters).toEqual({
      类型: ['报告'],
    });
  });

  it('page addresses: from the site root, index.html dropped, segments percent-encoded', () => {
    expect(pageUrl('reports/0123456789abcdef/index.html')).toBe('/reports/0123456789abcdef/');
    expect(pageUrl('kinds/街道办事处/index.html')).toBe('/kinds/%E8%A1%97%E9%81%93%E5%8A%9E%E4%BA%8B%E5%A4%84/');
  });
});

describe('highlighting the terms of a search on the page it opens', () => {
  const marked = (nodes: Array<string | null>, terms: string[]) =>
    highlightRanges(nodes, terms).map(([i, a, b]) => nodes[i]!.slice(a, b));

  it('marks every occurrence, in the node where it is', () => {
    expect(highlightRanges(['行政复议与复议', '无'], ['复议'])).toEqual([
      [0, 2, 4],
      [0, 5, 7],
    ]);
    expect(highlightRanges(['没有'], ['复议'])).toEqual([]);
  });

  it('finds a term as the search does: across elements and line breaks, in any width and case', () => {
    expect(marked(['依申', '请\n  公开', '工作'], ['依申请公开'])).toEqual(['依申', '请\n  公开']);
    expect(marked(['发布机构', null, '滨湖区'], ['机构滨湖'])).toEqual(['机构', '滨湖']);
    expect(marked(['本报告 ＪＳＯＮ 文件'], ['json'])).toEqual(['ＪＳＯＮ']);
    expect(marked(['2020 年度'], ['2020年度'])).toEqual(['2020 年度']);
    // Between Latin words a space is a separator.
    expect(marked(['a b'], ['ab'])).toEqual([]);
  });

  it('overlapping terms make one mark; a term spanning several nodes marks each part', () => {
    expect(marked(['本年度行政复议件'], ['复议', '行政复议', '年度行'])).toEqual(['年度行政复议']);
    expect(marked(['行', '政', '  ', '复议'], ['行政复议'])).toEqual(['行', '政', '复议']);
  });
});
