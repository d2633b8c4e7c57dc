import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApplicationFunction } from 'probot';
import { createGitHubApp } from '../platforms/github/github-app.js';
import type { ReviewService } from './review-service.js';

/** Everything `mshub-review serve` mounts on Probot's server: the GitHub App and the health check. */
export function createServerApp(service: ReviewService): ApplicationFunction {
  const github = createGitHubApp(service);
  return async (app, options) => {
    await github(app, options);
    options.addHandler((request: IncomingMessage, response: ServerResponse) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/healthz') return false;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok' }));
      return true;
    });
  };
}
