import { parseOptionArgs, wholeNumberOption } from './simulator-main';

describe("a simulator's command line", () => {
  it('reads --name value and --name=value', () => {
    expect([...parseOptionArgs(['--port', '8080', '--host=0.0.0.0'], ['port', 'host'])]).toEqual([['port', '8080'], ['host', '0.0.0.0']]);
  });

  it('refuses unknown names, stray arguments and a missing value', () => {
    expect(() => parseOptionArgs(['--prot', '1'], ['port'])).toThrow('unknown option --prot');
    expect(() => parseOptionArgs(['8080'], ['port'])).toThrow('unexpected argument 8080');
    expect(() => parseOptionArgs(['--port'], ['port'])).toThrow('--port needs a value');
  });

  it('takes whole numbers in range, with a fallback', () => {
    const values = new Map([['port', '70000'], ['step-seconds', '1.5'], ['lose-every', '3']]);
    expect(wholeNumberOption(values, 'lose-every', 7, 100)).toBe(3);
    expect(wholeNumberOption(values, 'host-count', 7, 100)).toBe(7);
    expect(() => wholeNumberOption(values, 'port', 0, 65535)).toThrow('--port must be 0..65535');
    expect(() => wholeNumberOption(values, 'step-seconds', 0, 86_400)).toThrow('--step-seconds must be 0..86400');
  });
});
