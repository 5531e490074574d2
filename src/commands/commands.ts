/* global Office, Excel */
import { applyMarks } from '../excel/marks';
import { COMMAND_FAILED_EVENT, type CommandFailure } from './command-failure';
import { validateWorkbook } from '../excel/validate';

/**
 * The ribbon's FunctionFile. In the shared runtime it is loaded by taskpane.html together
 * with the task pane and the custom functions. 插入预算表 opens the task pane (ShowTaskpane);
 * 校验 runs `validateWorkbookCommand` (ExecuteFunction): validate, then mark the cells, as the
 * pane's 校验 button does, without opening the pane.
 *
 * The command is associated at the top level of this file, as soon as office.js has loaded
 * and before `Office.onReady` resolves: associated later, Excel loses the first click in a
 * shared runtime (office-js issues #5176 and #3378).
 */

export const VALIDATE_COMMAND = 'validateWorkbookCommand';

export { COMMAND_FAILED_EVENT, type CommandFailure };

interface CommandEvent {
  completed(): void;
}

function errorText(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
}

/**
 * Tells the clerk a ribbon command failed: the task pane is opened (SharedRuntime 1.1) and
 * shows the message; a console line alone would go unseen.
 */
export function reportCommandFailure(failure: CommandFailure): void {
  console.error(`${failure.command}: ${failure.message}`);
  const w = typeof window !== 'undefined' ? window : undefined;
  w?.dispatchEvent(new CustomEvent<CommandFailure>(COMMAND_FAILED_EVENT, { detail: failure }));
  try {
    const shown = typeof Office !== 'undefined' ? Office.addin?.showAsTaskpane?.() : undefined;
    void shown?.catch(() => undefined);
  } catch {
    // no pane to open (an older host): the event above is all there is
  }
}

/** Validates the open workbook and marks what it finds; always tells Office it is done. */
export async function validateWorkbookCommand(event?: CommandEvent): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const validation = await validateWorkbook(context);
      await applyMarks(context, validation.findings);
    });
  } catch (err) {
    reportCommandFailure({ command: VALIDATE_COMMAND, message: `校验未能完成，单元格没有标记：${errorText(err)}（Validation did not finish; no cells were marked.）` });
  } finally {
    event?.completed();
  }
}

/** Associates the ribbon's functions; false where there is no Office (a plain browser page). */
export function registerCommands(): boolean {
  if (typeof Office === 'undefined' || !Office.actions) return false;
  Office.actions.associate(VALIDATE_COMMAND, (event: CommandEvent) => void validateWorkbookCommand(event));
  return true;
}

registerCommands();
