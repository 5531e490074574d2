/**
 * The figures a published 预算编制说明 / 其他相关情况说明 takes from the tables, found by the
 * sentence they stand in, so the published text and the draft can be compared slot by slot
 * (issue 16.4). A slot the published text leaves blank (the 2018 seed lost its figures in
 * extraction) is not counted. Figures the tables do not hold (changes against last year,
 * 政府采购, the number of 预算单位) are not slots.
 */
export interface Slot {
  key: string;
  value: string;
}

const FIGURE = '([\\d,]+(?:\\.\\d+)?)';

const SINGLE: [string, RegExp][] = [
  // the district template says 支出预算…, the seeds 预算支出总额为…
  ['预算支出总额', new RegExp(`(?:预算支出总额为|^支出预算)${FIGURE}万元`, 'm')],
  ['财政拨款支出预算', new RegExp(`财政拨款支出预算${FIGURE}万元`)],
  ['一般公共预算拨款支出预算', new RegExp(`一般公共预算拨款支出预算${FIGURE}万元`)],
  ['政府性基金拨款支出预算', new RegExp(`政府性基金拨款支出预算${FIGURE}万元`)],
  ['国有资本经营预算拨款支出预算', new RegExp(`国有资本经营预算拨款支出预算(?:为)?${FIGURE}`)],
  ['“三公”经费预算数', new RegExp(`“三公”经费预算数为${FIGURE}万元`)],
  ['因公出国（境）费', new RegExp(`因公出国（境）费${FIGURE}万元`)],
  ['公务用车购置及运行费', new RegExp(`公务用车购置及运行费${FIGURE}万元`)],
  // 2021 prints the 购置费 inside its reason: `主要原因是公务车辆购置费23.62万元`
  ['公务用车购置费', new RegExp(`公务(?:用车|车辆)购置费${FIGURE}万元`)],
  ['公务用车运行费', new RegExp(`公务(?:用车|车辆)运行费${FIGURE}万元`)],
  ['公务接待费', new RegExp(`公务接待费${FIGURE}万元`)],
  ['机关运行经费', new RegExp(`机关运行经费预算为${FIGURE}万元`)],
  ['绩效目标项目个数', /编报绩效目标的项目(?:共)?(\d+)个/],
  ['绩效目标项目资金', new RegExp(`涉及项目预算资金${FIGURE}万元`)],
];

export function slots(text: string): Slot[] {
  const out: Slot[] = [];
  for (const [key, re] of SINGLE) {
    const m = re.exec(text);
    if (m) out.push({ key, value: m[1] });
  }
  // `本单位无机关运行费。` / `本单位无机关运行经费。`: a figure of 0 stated in words
  if (/无机关运行(?:经)?费/.test(text)) out.push({ key: '机关运行经费', value: '无' });
  for (const m of text.matchAll(new RegExp(`“([^”]+)”科目${FIGURE}万元`, 'g'))) out.push({ key: `“${m[1]}”科目`, value: m[2] });
  return out;
}

export interface SlotComparison {
  published: Slot[];
  reproduced: Slot[];
  /** published slots the draft gives otherwise (or not at all), with the draft's figure */
  differing: { key: string; published: string; drafted: string | null }[];
}

export function compareSlots(published: string, drafted: string): SlotComparison {
  const p = slots(published);
  const d = new Map(slots(drafted).map((s) => [s.key, s.value]));
  const reproduced = p.filter((s) => d.get(s.key) === s.value);
  const differing = p.filter((s) => d.get(s.key) !== s.value).map((s) => ({ key: s.key, published: s.value, drafted: d.get(s.key) ?? null }));
  return { published: p, reproduced, differing };
}
