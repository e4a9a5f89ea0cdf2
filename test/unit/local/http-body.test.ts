import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { readBody } from '../../../local/http-body';
import { RequestTooLargeError } from '../../../local/local-errors';

const request = (...chunks: string[]) => Readable.from(chunks.map((c) => Buffer.from(c))) as IncomingMessage;

describe('readBody', () => {
  it('reads every chunk as one UTF-8 string', async () => {
    // Prepare
    const req = request('{"text":"caf', 'é"}');
    // Act
    const body = await readBody(req);
    // Assess
    expect(body).toBe('{"text":"café"}');
  });

  it('refuses a body over the limit', async () => {
    // Prepare
    const req = request('12345', '67890');
    // Act
    const read = readBody(req, 8);
    // Assess
    await expect(read).rejects.toBeInstanceOf(RequestTooLargeError);
    await expect(readBody(request('12345', '67890'), 8)).rejects.toMatchObject({
      code: 'REQUEST_TOO_LARGE',
      details: { limitBytes: 8 },
    });
  });
});
