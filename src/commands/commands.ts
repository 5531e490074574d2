/* global Office */

/**
 * The ribbon's FunctionFile. In the shared runtime it is loaded by taskpane.html together
 * with the task pane and the custom functions. The only ribbon button opens the task pane
 * (a ShowTaskpane action), so there are no ExecuteFunction actions to register yet; when
 * there are, associate them here with `Office.actions.associate(id, handler)`.
 */

export function commandsReady(): Promise<void> {
  if (typeof Office === 'undefined') return Promise.resolve(); // a plain browser: nothing to wire
  return Office.onReady().then(
    () => undefined,
    () => undefined,
  );
}

void commandsReady();
