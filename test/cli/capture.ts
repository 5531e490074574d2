import { main } from '../../src/cli/main';

/**
 * Runs the CLI in this process with its output captured: each test starts with no stderr lines
 * (console.error is spied on), and `run` gives the exit code, stdout and stderr of one call.
 */
export function captureCli(): {
  run: (argv: string[]) => Promise<{ code: number; out: string; err: string }>;
  errors: () => string[];
} {
  let errors: string[] = [];
  beforeEach(() => {
    errors = [];
    jest.spyOn(console, 'error').mockImplementation((s: string) => void errors.push(s));
  });
  afterEach(() => jest.restoreAllMocks());
  return {
    run: async (argv) => {
      const log: string[] = [];
      const code = await main(argv, (s) => log.push(s));
      return { code, out: log.join('\n'), err: errors.join('\n') };
    },
    errors: () => errors,
  };
}
