import { run } from 'probot';
import type { Environment } from '../config/environment.js';
import { createRuntime } from '../service/runtime.js';
import { createServerApp } from '../service/server-app.js';

/**
 * `mshub-review serve`: the webhook server (Probot's, with its settings APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, GHE_HOST, PORT, ...) and the Gitee webhook beside it. Without REDIS_URL the reviews
 * run in this process; with it they are queued in Redis for `mshub-review worker` processes.
 */
export async function runServe(environment: Environment): Promise<{ stop(): Promise<void> }> {
  const runtime = createRuntime(environment);
  const { service, siteSync, activity, verifier } = runtime;
  const operator = { activity, verifier, queue: service.queue };
  const server = await run(createServerApp(service, environment.gitee, siteSync, operator), {
    env: environment.probot,
  });
  return {
    async stop() {
      await server.stop();
      await runtime.close();
    },
  };
}
