import { request as httpRequest } from 'node:http';

/**
 * Streams up to `totalBytes` of a chunked body and counts how much the server let through before
 * it answered and closed the connection.
 */
export function floodPost(
  url: string,
  headers: Record<string, string>,
  totalBytes: number,
): Promise<{ status: number | undefined; written: number }> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    let status: number | undefined;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve({ status, written });
    };
    const request = httpRequest(url, {
      method: 'POST',
      headers: { ...headers, 'transfer-encoding': 'chunked' },
    });
    request.on('response', (response) => {
      status = response.statusCode;
      response.resume();
      response.on('end', () => {
        request.destroy();
        finish();
      });
    });
    request.on('error', finish);
    request.on('close', finish);
    const pump = () => {
      while (!settled && written < totalBytes) {
        written += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!settled) request.end();
    };
    pump();
  });
}
