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

/**
 * The changes against last year a published text states (issue 16.4), by subject:
 * `增加23.56`, `减少1457`, `持平`. Read across the transcription's line breaks (`比2019年预` /
 * `算增加…`); a figure's value is compared as a number, so the 2020 text's `减少15万元` and a
 * draft's `减少15.00万元` are the same change (the draft prints the “三公” changes with two
 * decimals, as the 2021 text does).
 */
const CHANGE_SUBJECTS: [string, string][] = [
  ['财政拨款收入', '财政拨款收入'],
  ['财政拨款支出预算', '(?<!拨款支出预算中，)财政拨款支出预算'],
  ['一般公共预算拨款支出预算', '一般公共预算拨款支出预算'],
  ['政府性基金拨款支出预算', '政府性基金拨款支出预算'],
  ['国有资本经营预算拨款支出预算', '国有资本经营预算拨款支出预算'],
  ['“三公”经费预算数', '“三公”经费预算数为'],
  ['因公出国（境）费', '因公出国（境）费'],
  ['公务用车购置及运行费', '公务用车购置及运行费'],
  ['公务接待费', '公务接待费'],
  ['机关运行经费', '机关运行经费预算为'],
];

export function changeSlots(text: string): Slot[] {
  const flat = text.replace(/\s*\n\s*/g, '');
  const out: Slot[] = [];
  for (const [key, subject] of CHANGE_SUBJECTS) {
    const m = new RegExp(`${subject}${FIGURE}万元[，,。；]?(?:比|与)\\d{4}年(?:预算)?(?:(增加|减少)${FIGURE}万元|持平)`).exec(flat);
    if (m) out.push({ key: `${key}比上年`, value: m[2] ? `${m[2]}${Number(m[3].replace(/,/g, ''))}` : '持平' });
  }
  return out;
}

export function compareChangeSlots(published: string, drafted: string): SlotComparison {
  const p = changeSlots(published);
  const d = new Map(changeSlots(drafted).map((s) => [s.key, s.value]));
  const reproduced = p.filter((s) => d.get(s.key) === s.value);
  const differing = p.filter((s) => d.get(s.key) !== s.value).map((s) => ({ key: s.key, published: s.value, drafted: d.get(s.key) ?? null }));
  return { published: p, reproduced, differing };
}
