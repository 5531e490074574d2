import { a1, asExcelContext, defaultCell, FakeRequestContext, parseRect, supportUpTo, writeCell, type ExistingSheet } from './excel/fake-excel';
import { recalculate } from '../engine/workbook-engine';
import type { SupportCheck } from '../../excel/writer';

/**
 * A stand-in Office host for development: the `Office`, `Excel` and `CustomFunctions`
 * globals the add-in uses, over the typed fake's in-memory workbook with a real formula
 * engine. The preview (src/dev/preview) and its end-to-end tests run the task pane's real
 * code on it; it is never part of the production bundle (scripts/check-dist.js).
 */

export interface DevHostOptions {
  /** Office's display language, `zh-CN` unless given */
  displayLanguage?: string;
  /** the host's requirement sets; a current Excel on the web when omitted */
  support?: SupportCheck;
  /** what the workbook holds when the add-in opens */
  sheets?: ExistingSheet[];
}

/** What Excel on the web answers for the sets the manifest and the writer ask about. */
export const DEV_HOST_SUPPORT = supportUpTo({ ExcelApi: '1.17', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.1', RibbonApi: '1.1' });

interface CommandEvent {
  completed(): void;
}

export type TypeResult = { ok: true } | { ok: false; reason: 'protected' | 'merged' | 'invalid'; message: string };

/** Excel's message when a locked cell of a protected sheet is typed into. */
export const PROTECTED_MESSAGE = '您试图更改的单元格或图表位于受保护的工作表中。The cell you are trying to change is on a protected sheet.';

export class DevHost {
  readonly workbook: FakeRequestContext;
  readonly support: SupportCheck;
  displayLanguage: string;
  /** custom functions by id, as functions.js associates them */
  readonly functions = new Map<string, (...args: unknown[]) => unknown>();
  /** ribbon ExecuteFunction handlers by id, as commands.js associates them */
  readonly actions = new Map<string, (event: CommandEvent) => unknown>();
  /**
   * Ribbon actions associated after Office.onReady had answered: in a shared runtime Excel
   * loses the first click on such a button (office-js issues #5176, #3378), and so does this host.
   */
  readonly lateActions = new Set<string>();
  private readyAnswered = false;
  private readonly listeners = new Set<() => void>();
  /** batches running now; the grid shows a busy state meanwhile */
  running = 0;

  constructor(options: DevHostOptions = {}) {
    this.support = options.support ?? DEV_HOST_SUPPORT;
    this.displayLanguage = options.displayLanguage ?? 'zh-CN';
    this.workbook = new FakeRequestContext({ support: this.support, sheets: options.sheets, calculate: recalculate });
    this.workbook.recalculate();
  }

  /** Called after every batch and every edit in the grid. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch (err) {
        // a listener of a reloaded frame is dead; the others must still hear
        console.error(err);
        this.listeners.delete(l);
      }
    }
  }

  /**
   * `Excel.run`: the batch gets the workbook's context and a final sync is made when it
   * returns, as Office.js sends what is still queued. One context serves every batch, so
   * the workbook persists between them as an open workbook does.
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T> | T): Promise<T>;
  run<T>(options: unknown, batch: (context: Excel.RequestContext) => Promise<T> | T): Promise<T>;
  async run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    if (typeof batch !== 'function') throw new TypeError('Excel.run needs a batch function');
    this.running++;
    try {
      const result = await (batch as (ctx: Excel.RequestContext) => Promise<T> | T)(asExcelContext(this.workbook));
      await this.workbook.sync();
      return result;
    } finally {
      this.running--;
      this.changed();
    }
  }

  /** Typing into a cell, as a clerk does in Excel: a protected sheet refuses its locked cells. */
  type(sheetName: string, address: string, text: string): TypeResult {
    const sheet = this.workbook.findSheet(sheetName);
    if (!sheet) return { ok: false, reason: 'invalid', message: `no sheet ${sheetName}` };
    const { r1, c1 } = parseRect(address);
    const key = a1(r1, c1);
    const cell = sheet.cells.get(key) ?? defaultCell();
    if (sheet.protection.protected && cell.locked) return { ok: false, reason: 'protected', message: PROTECTED_MESSAGE };
    try {
      writeCell(sheet, cell, r1, c1, text);
    } catch (err) {
      return { ok: false, reason: /merged/.test(String(err)) ? 'merged' : 'invalid', message: String((err as Error).message ?? err) };
    }
    sheet.cells.set(key, cell);
    this.workbook.queue(); // a change: the engine recalculates before anything reads
    this.workbook.recalculate();
    this.changed();
    return { ok: true };
  }

  /** Selects a cell as a click in the grid does. */
  select(sheetName: string, address: string): void {
    const sheet = this.workbook.findSheet(sheetName);
    if (!sheet) return;
    this.workbook.activeSheet = sheet.name;
    this.workbook.selected = `${sheet.name}!${address.toUpperCase()}`;
    this.changed();
  }

  /** Shows a sheet as clicking its tab does. */
  activate(sheetName: string): void {
    const sheet = this.workbook.findSheet(sheetName);
    if (!sheet) return;
    this.workbook.activeSheet = sheet.name;
    this.changed();
  }

  /** A ribbon button with an ExecuteFunction action: resolves when the handler says it completed. */
  runCommand(id: string): Promise<void> {
    const handler = this.actions.get(id);
    if (!handler) return Promise.reject(new Error(`no ribbon action "${id}" was associated`));
    if (this.lateActions.delete(id)) {
      return Promise.reject(new Error(`ribbon action "${id}" was associated after Office.onReady resolved: Excel loses this first click`));
    }
    return new Promise<void>((resolve) => {
      handler({ completed: () => resolve() });
    });
  }

  /** The `Office` global: just what the add-in's code reads. */
  officeGlobal(): unknown {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    const language = () => this.displayLanguage;
    const support = this.support;
    const actions = this.actions;
    const late = this.lateActions;
    const answered = () => this.readyAnswered;
    const answer = () => (this.readyAnswered = true);
    return {
      HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
      PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
      onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
        // Office answers after the page has loaded, never synchronously
        return new Promise((resolve) =>
          setTimeout(() => {
            answer();
            callback?.(info);
            resolve(info);
          }, 0),
        );
      },
      context: {
        host: 'Excel',
        platform: 'OfficeOnline',
        get displayLanguage() {
          return language();
        },
        requirements: {
          isSetSupported: (name: string, version?: string | number) => support(name, version === undefined ? '1.1' : String(version)),
        },
      },
      actions: {
        associate: (id: string, handler: (event: CommandEvent) => unknown) => {
          if (answered()) late.add(id);
          actions.set(id, handler);
        },
      },
      addin: {
        showAsTaskpane: () => Promise.resolve(),
        hide: () => Promise.resolve(),
      },
    };
  }

  excelGlobal(): unknown {
    return { run: (...args: unknown[]) => (this.run as (...a: unknown[]) => Promise<unknown>)(...args) };
  }

  customFunctionsGlobal(): unknown {
    const functions = this.functions;
    class CustomFunctionError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message ?? code);
      }
    }
    return {
      associate(idOrMap: string | Record<string, (...a: unknown[]) => unknown>, fn?: (...a: unknown[]) => unknown) {
        if (typeof idOrMap === 'string') functions.set(idOrMap.toUpperCase(), fn!);
        else for (const [id, f] of Object.entries(idOrMap)) functions.set(id.toUpperCase(), f);
      },
      Error: CustomFunctionError,
      ErrorCode: {
        invalidValue: '#VALUE!',
        notAvailable: '#N/A',
        divisionByZero: '#DIV/0!',
        invalidNumber: '#NUM!',
        nullReference: '#NULL!',
        invalidName: '#NAME?',
        invalidReference: '#REF!',
      },
    };
  }

  /** Puts `Office`, `Excel`, `CustomFunctions` and `OfficeExtension` on a window, where office.js would. */
  install(win: Window): void {
    const w = win as unknown as Record<string, unknown>;
    w.Office = this.officeGlobal();
    w.Excel = this.excelGlobal();
    w.CustomFunctions = this.customFunctionsGlobal();
    w.OfficeExtension = { Error: Error };
  }
}
