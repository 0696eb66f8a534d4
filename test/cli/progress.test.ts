import { synthesize } from '../../src/app/synthesize/synthesize';
import { temporaryFolder } from '../support/temp';
import { TUTORIAL } from '../support/tutorial';
import { TerminalProgress, createProgress } from '../../src/cli/progress';

/** A terminal progress line driven by a hand-moved clock and a hand-fired timer. */
function fakeTerminal() {
  let now = 0;
  let tick: () => void = () => undefined;
  let cancelled = false;
  const written: string[] = [];
  const progress = new TerminalProgress({
    write: (text) => written.push(text),
    now: () => now,
    every: (callback) => {
      tick = callback;
      return () => {
        cancelled = true;
      };
    },
  });
  return {
    progress,
    written,
    advance: (ms: number) => {
      now += ms;
      tick();
    },
    isCancelled: () => cancelled,
  };
}

describe('TerminalProgress', () => {
  test('draws nothing during the first second', () => {
    const terminal = fakeTerminal();
    terminal.progress.phase('loading control plane');
    terminal.advance(999);
    terminal.progress.stop();
    expect(terminal.written).toEqual([]);
  });

  test('draws the current phase after a second, then each step, and clears the line when stopped', () => {
    const terminal = fakeTerminal();
    terminal.progress.phase('loading control plane');
    terminal.advance(1000);
    terminal.progress.phase('rendering dev', 0, 12);
    terminal.advance(100);
    terminal.progress.phase('rendering dev', 1, 12);
    terminal.progress.stop();
    expect(terminal.written).toEqual([
      '\r\u001b[Kkalypso: loading control plane…',
      '\r\u001b[Kkalypso: rendering dev 0 of 12…',
      '\r\u001b[K',
    ]);
    expect(terminal.isCancelled()).toBe(true);
  });

  test('redraws at most every 100 ms', () => {
    const terminal = fakeTerminal();
    terminal.advance(1000);
    for (let done = 0; done < 50; done++) terminal.progress.phase('rendering dev', done, 50);
    expect(terminal.written).toEqual(['\r\u001b[Kkalypso: rendering dev 0 of 50…']);
  });
});

describe('createProgress', () => {
  test.each([
    ['not a terminal', false, false],
    ['--quiet', true, true],
  ])('is silent when %s', (_name, isTTY, quiet) => {
    const written: string[] = [];
    const progress = createProgress(isTTY, quiet, (text) => written.push(text));
    progress.phase('loading control plane');
    progress.stop();
    expect(progress).not.toBeInstanceOf(TerminalProgress);
    expect(written).toEqual([]);
  });

  test('draws on a terminal', () => {
    const progress = createProgress(true, false, () => undefined);
    expect(progress).toBeInstanceOf(TerminalProgress);
    progress.stop();
  });
});

describe('the pipeline', () => {
  test('reports loading, reading each branch, rendering N of M and writing', async () => {
    const phases: string[] = [];
    const progress = {
      phase: (label: string, done?: number, total?: number) =>
        phases.push(total === undefined ? label : `${label} ${done} of ${total}`),
    };
    await synthesize({ controlPlane: TUTORIAL, out: temporaryFolder(), progress });
    expect(phases).toEqual([
      'loading control plane',
      'reading main',
      'reading dev',
      'reading stage',
      'rendering dev 1 of 2',
      'rendering dev 2 of 2',
      'rendering stage 1 of 2',
      'rendering stage 2 of 2',
      'writing',
    ]);
  });
});
