import { displayCode, levelOf, normalizeCode, parentOf, splitCode } from '../../src/core/codes';

describe('normalizeCode', () => {
  it.each([
    ['2040201', '2040201'],
    ['204 02 01', '2040201'],
    ['204-02-01', '2040201'],
    ['204.02.01', '2040201'],
    ['  204　02　01 ', '2040201'],
    ['２０４０２０１', '2040201'],
    ['20402', '20402'],
    ['204', '204'],
    ['30217', '30217'],
    [2040201, '2040201'],
  ])('reads %p as %p', (input, code) => {
    expect(normalizeCode(input)).toEqual({ ok: true, code });
  });

  it('reads three cells, where Excel turned 02 into 2', () => {
    expect(normalizeCode(['204', 2, 1])).toEqual({ ok: true, code: '2040201' });
    expect(normalizeCode([204, '02', ''])).toEqual({ ok: true, code: '20402' });
    expect(normalizeCode(['204', null, null])).toEqual({ ok: true, code: '204' });
    expect(normalizeCode(['301', '02'])).toEqual({ ok: true, code: '30102' });
  });

  it.each([
    ['', '为空'],
    ['20402011', '位数不对'],
    ['2040', '位数不对'],
    ['abc', '不是科目编码'],
    ['1040201', '不是支出功能分类'],
    ['3010201', '只有类、款两级'],
  ])('refuses %p saying %p', (input, words) => {
    const r = normalizeCode(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(words);
  });

  it('refuses a 项 without its 款, and a malformed 款', () => {
    const a = normalizeCode(['204', '', '01']);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason).toContain('缺少');
    const b = normalizeCode(['204', '123', '']);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.reason).toContain('2位数字');
  });
});

describe('code hierarchy', () => {
  it('knows levels, parents and the printed form', () => {
    expect(levelOf('204')).toBe('类');
    expect(levelOf('20402')).toBe('款');
    expect(levelOf('2040201')).toBe('项');
    expect(parentOf('2040201')).toBe('20402');
    expect(parentOf('20402')).toBe('204');
    expect(parentOf('204')).toBeNull();
    expect(splitCode('2040201')).toEqual(['204', '02', '01']);
    expect(splitCode('301')).toEqual(['301', '', '']);
    expect(displayCode('2040201')).toBe('204 02 01');
  });
});
