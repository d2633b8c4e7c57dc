import { type Dispatcher, request } from 'undici';
import { DUMP_BYTES, type SendRequest } from './hash-download.js';

/** Requests through an undici dispatcher (the guarded agent of the audit's probes). */
export function undiciSend(dispatcher: Dispatcher): SendRequest {
  return async (method, url, headers, signal, idleMs) => {
    const data = await request(url, {
      dispatcher,
      method,
      headers,
      signal,
      headersTimeout: idleMs,
      bodyTimeout: idleMs,
    });
    return {
      statusCode: data.statusCode,
      headers: data.headers,
      body: {
        [Symbol.asyncIterator]: () => data.body[Symbol.asyncIterator](),
        destroy: () => data.body.destroy(),
        dump: () => data.body.dump({ limit: DUMP_BYTES }),
      },
    };
  };
}
