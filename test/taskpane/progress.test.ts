import { SPINNER_DELAY_MS, startProgress, type Timers } from '../../src/taskpane/progress';
import { canUseWebComponents } from '../../src/taskpane/fluent';

/** A clock the test moves by hand. */
function fakeTimers(): Timers & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let next = 1;
  const queue = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout(fn, ms) {
      const id = next++;
      queue.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(h) {
      queue.delete(h as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, t] of [...queue]) {
        if (t.at <= now) {
          queue.delete(id);
          t.fn();
        }
      }
    },
    pending: () => queue.size,
  };
}

describe('progress', () => {
  test('the spinner waits half a second', () => {
    expect(SPINNER_DELAY_MS).toBe(500);
    const timers = fakeTimers();
    const log: string[] = [];
    const p = startProgress(() => log.push('show'), () => log.push('hide'), SPINNER_DELAY_MS, timers);
    timers.advance(499);
    expect(log).toEqual([]);
    expect(p.shown).toBe(false);
    timers.advance(1);
    expect(log).toEqual(['show']);
    expect(p.shown).toBe(true);
    p.stop();
    expect(log).toEqual(['show', 'hide']);
    p.stop();
    expect(log).toEqual(['show', 'hide']);
  });

  test('work over sooner shows no spinner at all', () => {
    const timers = fakeTimers();
    const log: string[] = [];
    const p = startProgress(() => log.push('show'), () => log.push('hide'), SPINNER_DELAY_MS, timers);
    timers.advance(200);
    p.stop();
    expect(timers.pending()).toBe(0);
    timers.advance(1000);
    expect(log).toEqual([]);
  });

  test('Fluent components load only where custom elements and shadow DOM exist', () => {
    class WithShadow {
      attachShadow(): void {}
    }
    expect(canUseWebComponents({ customElements: {}, Element: WithShadow })).toBe(true);
    expect(canUseWebComponents({ Element: WithShadow })).toBe(false);
    expect(canUseWebComponents({ customElements: {}, Element: class {} })).toBe(false);
  });
});
