import { parseLexLocalArgs } from '../../../local/lex-local';

describe('parseLexLocalArgs', () => {
  it('reads --port, --host and --idle-ttl', () => {
    // Prepare
    const argv = ['--port', '4010', '--host', '0.0.0.0', '--idle-ttl', '60'];

    // Act
    const options = parseLexLocalArgs(argv);

    // Assess
    expect(options).toEqual({ port: 4010, host: '0.0.0.0', idleTtl: 60 });
  });

  it('defaults to a free port on loopback and Lex’s 300 s idle TTL', () => {
    // Prepare
    const argv: string[] = [];

    // Act
    const options = parseLexLocalArgs(argv);

    // Assess
    expect(options).toEqual({ port: 0, host: '127.0.0.1', idleTtl: 300 });
  });

  it.each([
    ['--port', 'abc'],
    ['--port', '70000'],
    ['--idle-ttl', '0'],
  ])('rejects %s %s', (flag, value) => {
    // Prepare
    const argv = [flag, value];

    // Act
    const act = () => parseLexLocalArgs(argv);

    // Assess
    expect(act).toThrow(/must be/);
  });
});
