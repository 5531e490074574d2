/**
 * How a ribbon command that failed reaches the clerk: commands.ts raises this window event
 * (and opens the task pane); the pane, in the same shared runtime, shows its message. Its own
 * module, free of side effects, so the pane can listen without loading the commands.
 */
export const COMMAND_FAILED_EVENT = 'budget-tables:command-failed';

export interface CommandFailure {
  command: string;
  /** for the clerk: what failed and why, Chinese first */
  message: string;
}
