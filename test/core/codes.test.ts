import { displayCode, levelOf, normalizeCode, parentOf, plainCellsCode, splitCode } from '../../src/core/codes';

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

describe('plainCellsCode (the reader\'s fast path for 类 | 款 | 项 cells)', () => {
  // Every combination of typical and awkward cells: where the fast path gives a code it must be
  // normalizeCode's, and where normalizeCode refuses the cells the fast path must decline.
  const cells: unknown[] = [null, undefined, '', '201', '301', '501', '401', '2', '02', '1', 1, 2, 21, 201, '001', '20', ' 02', '０２', '2.5', 2.5, -1, '项', true];
  const triples = cells.flatMap((a) => cells.flatMap((b) => cells.map((c) => [a, b, c] as const)));

  it.each([
    [['201', '01', '01'], '2010101'],
    [['201', '1', null], '20101'],
    [[201, 2, 1], '2010201'],
    [['301', '02', undefined], '30102'],
    [['501', '', ''], '501'],
  ])('reads %p as %p', (parts, code) => {
    expect(plainCellsCode(parts[0], parts[1], parts[2])).toBe(code);
  });

  it('gives what normalizeCode gives, or null and leaves the cells to it', () => {
    let fast = 0;
    for (const [a, b, c] of triples) {
      const code = plainCellsCode(a, b, c);
      const general = normalizeCode([a, b, c]);
      if (code === null) continue;
      fast++;
      expect(general).toEqual({ ok: true, code });
    }
    // the fast path does take the usual cells
    expect(fast).toBeGreaterThan(50);
  });

  it('declines cells normalizeCode refuses or has to clean', () => {
    expect(plainCellsCode('301', '02', '01')).toBeNull(); // an economic code has no 项
    expect(plainCellsCode('401', '02', null)).toBeNull();
    expect(plainCellsCode('201', '', '01')).toBeNull();
    expect(plainCellsCode('201', '０２', null)).toBeNull();
    expect(plainCellsCode(' 201', null, null)).toBeNull();
    expect(plainCellsCode('2010101', null, null)).toBeNull();
  });
});
