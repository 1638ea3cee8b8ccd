/**
 * Every cell of the bundled sample reports, transcribed by hand from the source files
 * (not produced by the parser). Rows: numbers, or B for a blank cell. `lines` pins the source
 * line of selected cells (provenance).
 */
export interface Golden {
  file: string;
  report: Record<string, unknown>;
  cells: Record<string, string>;
  lines?: Array<[string, number, string]>;
}

const Z3 = '0 0 0';
const Z2 = '0 0';
const Z7 = '0 0 0 0 0 0 0';
const B7 = 'B B B B B B 0';

const requestKeys = [
  'new_received', 'carried_over', 'granted', 'partly_granted',
  'withheld_state_secret', 'withheld_prohibited', 'withheld_three_safeties', 'withheld_third_party',
  'withheld_internal', 'withheld_process', 'withheld_enforcement', 'withheld_query',
  'unable_not_held', 'unable_needs_creation', 'unable_unclear',
  'declined_petition', 'declined_repeat', 'declined_publication', 'declined_excessive', 'declined_confirmation',
  'other', 'total', 'carried_forward',
];
const requests = (fill: string, over: Record<string, string> = {}) =>
  Object.fromEntries(requestKeys.map((k) => [`requests.${k}`, over[k] ?? fill]));
const active = (over: Record<string, string> = {}) => ({
  'active.rules': over.rules ?? Z3,
  'active.normative_docs': over.normative_docs ?? Z3,
  'active.licensing': over.licensing ?? Z3,
  'active.other_services': over.other_services ?? Z3,
  'active.penalty': over.penalty ?? Z3,
  'active.coercion': over.coercion ?? Z3,
  'active.fees': over.fees ?? Z2,
  'active.procurement': over.procurement ?? Z2,
});
const review = (a = '0 0 0 0 0', b = '0 0 0 0 0', c = '0 0 0 0 0') => ({ 'review.review': a, 'review.suit_direct': b, 'review.suit_after_review': c });

export const GOLDEN: Golden[] = [
  {
    file: '000_c118c1f3c5e39f04.txt',
    report: {
      title: '无锡市滨湖区行政审批局2020年政府信息公开工作年度报告', agency: '无锡市滨湖区行政审批局', agency_kind: '部门',
      year: 2020, published_on: '2021-01-22', index_no: null, region_code: '320211', province: '江苏省', city: '无锡市',
      county: '滨湖区', township: null, region_basis: 'stated', layout_active: '2019', layout_requests: '2019', era: '2019',
      status: 'complete', checks_failed: 0, cells_ambiguous: 0, encoding: 'utf-8',
    },
    cells: {
      ...active({ licensing: '58 0 8458', other_services: '16 0 844', procurement: '43 22.67' }),
      ...requests(Z7, { new_received: '3 0 0 0 0 0 3', granted: '1 0 0 0 0 0 1', withheld_query: '2 0 0 0 0 0 2', total: '3 0 0 0 0 0 3' }),
      ...review(),
    },
    lines: [
      ['active.licensing.decisions', 37, '8458'],
      ['active.procurement.amount', 79, '22.67万元'],
      ['requests.withheld_query.natural_person', 197, '2'],
      ['requests.total.total', 295, '3'],
      ['review.suit_after_review.total', 342, '0'],
    ],
  },
  {
    file: '001_8c5126968789870d.txt',
    report: {
      title: '龙泉市2020年政府信息公开工作年度报告', agency: '龙泉市人民政府', agency_kind: '人民政府', year: 2020,
      region_code: '331181', province: '浙江省', city: '丽水市', county: '龙泉市', status: 'text_only', era: '2019',
      layout_active: null, layout_requests: null, cells_ambiguous: 0,
    },
    cells: {},
  },
  {
    file: '002_8c505244d5763fc4.txt',
    report: {
      title: '川汇区人民政府办公室2019年政府信息公开工作年度报告', agency: '川汇区人民政府办公室', agency_kind: '人民政府办公室',
      year: 2019, published_on: '2020-02-20', region_code: '411602', province: '河南省', city: '周口市', county: '川汇区',
      layout_active: '2019', layout_requests: '2019', era: '2019', status: 'complete', checks_failed: 0, cells_ambiguous: 0,
    },
    cells: {
      ...active({ normative_docs: '4 4 23' }),
      ...requests(Z7, { new_received: '2 0 0 0 0 0 2', granted: '1 0 0 0 0 0 1', unable_not_held: '1 0 0 0 0 0 1', total: '2 0 0 0 0 0 2' }),
      ...review('0 0 2 0 2'),
    },
    lines: [
      ['active.normative_docs.total_published', 70, '23'],
      ['requests.unable_not_held.total', 388, '1'],
      ['review.review.other', 600, '2'],
    ],
  },
  {
    file: '003_a1c7e16d78f57f88.txt',
    report: {
      title: '驼峰路街道办事处政府信息公开工作年度报告', agency: '驼峰路街道办事处', agency_kind: '街道办事处', year: 2020,
      published_on: null, region_code: '610802005', province: '陕西省', city: '榆林市', county: '榆阳区', township: '驼峰路街道',
      region_basis: 'gazetteer', layout_active: '2019', layout_requests: '2019', status: 'complete', checks_failed: 0, cells_ambiguous: 0,
    },
    cells: { ...active(), ...requests(B7), ...review() },
    lines: [
      ['requests.new_received.total', 166, '0'],
      ['requests.new_received.natural_person', 158, ''],
      ['requests.carried_forward.total', 394, '0'],
    ],
  },
  {
    file: '004_32db68a7ed8774d3.txt',
    report: {
      title: '2020年度政府信息公开工作落实情况', agency: '凉州区市场监督管理局', agency_kind: '部门', year: 2020, published_on: null,
      index_no: '11620602MB161547XN/2021-02130', region_code: '620602', province: '甘肃省', city: '武威市', county: '凉州区',
      layout_active: '2019', layout_requests: '2019', status: 'complete', checks_failed: 0, cells_ambiguous: 0,
    },
    cells: { ...active(), ...requests(Z7), ...review() },
    lines: [
      ['requests.granted.total', 37, '0'],
      ['review.review.upheld', 62, '0'],
    ],
  },
];
