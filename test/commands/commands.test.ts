import { VALIDATE_COMMAND, validateWorkbookCommand } from '../../src/commands/commands';

describe('the ribbon 校验 command', () => {
  it('is registered under the name the manifest gives', () => {
    expect(VALIDATE_COMMAND).toBe('validateWorkbookCommand');
  });

  it('tells Office it is done even when Excel is not there', async () => {
    const completed = jest.fn();
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await validateWorkbookCommand({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
