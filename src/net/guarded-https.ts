import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import { createSecureContext } from 'node:tls';
import { DownloadError } from './download-error.js';
import { type GuardOptions, guardedLookup, refusedLiteral, trustedCertificates } from './guarded-lookup.js';
import { type Answer, type AnswerBody, DUMP_BYTES, type SendRequest } from './hash-download.js';

export interface GuardedHttps {
  send: SendRequest;
  close(): void;
}

/**
 * The downloads' client: Node's own https, under the same guard as the audit's undici agent (an IP
 * literal refused before connecting, a name after resolving it, the socket connecting to the
 * addresses checked). Not undici: a process that loads undici peaks some 45 MiB higher while it
 * streams a large asset, and one that only downloads need not load it.
 */
export function createGuardedHttps(options: GuardOptions): GuardedHttps {
  const agent = new https.Agent({
    keepAlive: true,
    lookup: guardedLookup(options),
    // One context for every connection (given as `ca`, each would parse the whole trust store again).
    ...(options.ca ? { secureContext: createSecureContext({ ca: trustedCertificates(options.ca) }) } : {}),
  });
  const send: SendRequest = (method, url, headers, signal, idleMs) =>
    new Promise<Answer>((resolve, reject) => {
      const target = new URL(url);
      const refused = refusedLiteral(options.policy, target.hostname);
      if (refused) {
        reject(refused);
        return;
      }
      let connectTimer: NodeJS.Timeout | undefined;
      let idle: DownloadError | undefined;
      const request = https.request(target, { method, headers, agent, signal }, (response) => {
        clearTimeout(connectTimer);
        resolve({
          statusCode: response.statusCode ?? 0,
          headers: response.headers,
          body: bodyOf(response, () => idle),
        });
      });
      // No byte for idleMs, before the headers or in the body, ends the request.
      request.setTimeout(idleMs, () => {
        idle = new DownloadError('timeout-idle', 'the server stopped sending data');
        request.destroy(idle);
      });
      request.on('socket', (socket) => {
        if (request.reusedSocket) return;
        connectTimer = setTimeout(
          () =>
            request.destroy(
              new DownloadError('timeout-connect', 'the connection could not be opened in time'),
            ),
          options.connectTimeoutMs,
        );
        socket.once('secureConnect', () => clearTimeout(connectTimer));
      });
      request.once('error', (error) => {
        clearTimeout(connectTimer);
        reject(error);
      });
      request.end();
    });
  return { send, close: () => agent.destroy() };
}

function bodyOf(response: IncomingMessage, idle: () => DownloadError | undefined): AnswerBody {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for await (const chunk of response) yield chunk as Uint8Array;
      } catch (error) {
        throw idle() ?? error;
      }
    },
    destroy: () => response.destroy(),
    async dump() {
      let read = 0;
      try {
        for await (const chunk of response) {
          read += (chunk as Uint8Array).length;
          if (read > DUMP_BYTES) break;
        }
      } catch {}
    },
  };
}
