/**
 * The two ES2019 library functions the shared core uses, for Office's older Windows web view
 * (EdgeHTML 18, Office 2019 on older Windows 10), which runs ES2017. Syntax is compiled down
 * by ts-loader; these are the only newer built-ins in the task pane bundle. No-ops elsewhere.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

if (typeof (Array.prototype as any).flatMap !== 'function') {
  Object.defineProperty(Array.prototype, 'flatMap', {
    configurable: true,
    writable: true,
    value: function flatMap(this: unknown[], fn: (v: unknown, i: number, a: unknown[]) => unknown, thisArg?: unknown): unknown[] {
      const out: unknown[] = [];
      this.forEach((v, i, a) => {
        const r = fn.call(thisArg, v, i, a);
        if (Array.isArray(r)) out.push(...r);
        else out.push(r);
      });
      return out;
    },
  });
}

if (typeof (Object as any).fromEntries !== 'function') {
  Object.defineProperty(Object, 'fromEntries', {
    configurable: true,
    writable: true,
    value: function fromEntries(entries: Iterable<readonly [PropertyKey, unknown]>): Record<PropertyKey, unknown> {
      const out: Record<PropertyKey, unknown> = {};
      for (const [k, v] of entries) out[k] = v;
      return out;
    },
  });
}

export {};
