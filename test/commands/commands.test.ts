import { DevHost } from '../../src/dev/host/office-host';
import { COMMAND_FAILED_EVENT, type CommandFailure } from '../../src/commands/command-failure';

type Commands = typeof import('../../src/commands/commands');

/** Loads commands.ts afresh, as the page does, with the globals office.js would have set. */
function loadCommands(): Commands {
  let mod: Commands | undefined;
  jest.isolateModules(() => {
    mod = jest.requireActual<Commands>('../../src/commands/commands');
  });
  return mod!;
}

describe('the ribbon 校验 command', () => {
  const g = globalThis as Record<string, unknown>;
  let saved: Record<string, unknown>;
  beforeEach(() => {
    saved = { Office: g.Office, Excel: g.Excel, window: g.window };
  });
  afterEach(() => Object.assign(g, saved));

  it('is registered under the name the manifest gives', () => {
    expect(loadCommands().VALIDATE_COMMAND).toBe('validateWorkbookCommand');
  });

  it('is associated as the file loads, before Office.onReady answers (else Excel loses the first click)', async () => {
    const host = new DevHost();
    const win: Record<string, unknown> = {};
    host.install(win as unknown as Window);
    Object.assign(g, { Office: win.Office, Excel: win.Excel });
    const { VALIDATE_COMMAND } = loadCommands();
    // synchronously: nothing awaited between loading the file and this line
    expect([...host.actions.keys()]).toEqual([VALIDATE_COMMAND]);
    await (win.Office as typeof Office).onReady();
    expect(host.lateActions.size).toBe(0);
    await expect(host.runCommand(VALIDATE_COMMAND)).resolves.toBeUndefined();
  });

  it('the stand-in loses the first click of an action associated after onReady, as Excel does', async () => {
    const host = new DevHost();
    const win: Record<string, unknown> = {};
    host.install(win as unknown as Window);
    const office = win.Office as typeof Office;
    await office.onReady();
    office.actions.associate('late', (e: { completed(): void }) => e.completed());
    await expect(host.runCommand('late')).rejects.toThrow(/first click/);
    await expect(host.runCommand('late')).resolves.toBeUndefined();
  });

  it('shows a failure to the clerk: the pane opens and is told what failed; Office is told it is done', async () => {
    const showAsTaskpane = jest.fn(() => Promise.resolve());
    const failures: CommandFailure[] = [];
    const win = new EventTarget();
    win.addEventListener(COMMAND_FAILED_EVENT, (e) => failures.push((e as CustomEvent<CommandFailure>).detail));
    Object.assign(g, {
      window: win,
      Office: { actions: { associate: () => undefined }, addin: { showAsTaskpane } },
      Excel: { run: () => Promise.reject(Object.assign(new Error('The workbook is busy.'), { code: 'GeneralException' })) },
    });
    const completed = jest.fn();
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await loadCommands().validateWorkbookCommand({ completed });
    error.mockRestore();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(failures).toHaveLength(1);
    expect(failures[0].message).toMatch(/^校验未能完成.*GeneralException: The workbook is busy\./);
  });

  it('tells Office it is done even when Excel is not there', async () => {
    const completed = jest.fn();
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    delete g.Office;
    await loadCommands().validateWorkbookCommand({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
