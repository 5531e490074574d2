/* global Office, Excel */
import { applyMarks } from '../excel/marks';
import { validateWorkbook } from '../excel/validate';

/**
 * The ribbon's FunctionFile. In the shared runtime it is loaded by taskpane.html together
 * with the task pane and the custom functions. 插入预算表 opens the task pane (ShowTaskpane);
 * 校验 runs `validateWorkbookCommand` (ExecuteFunction): validate, then mark the cells, as the
 * pane's 校验 button does, without opening the pane.
 */

export const VALIDATE_COMMAND = 'validateWorkbookCommand';

interface CommandEvent {
  completed(): void;
}

/** Validates the open workbook and marks what it finds; always tells Office it is done. */
export async function validateWorkbookCommand(event?: CommandEvent): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const validation = await validateWorkbook(context);
      await applyMarks(context, validation.findings);
    });
  } catch (err) {
    console.error(err);
  } finally {
    event?.completed();
  }
}

export function registerCommands(): void {
  if (typeof Office === 'undefined' || !Office.actions) return;
  Office.actions.associate(VALIDATE_COMMAND, (event: CommandEvent) => void validateWorkbookCommand(event));
}

export function commandsReady(): Promise<void> {
  if (typeof Office === 'undefined') return Promise.resolve(); // a plain browser: nothing to wire
  return Office.onReady().then(
    () => registerCommands(),
    () => undefined,
  );
}

void commandsReady();
