import type { ApplicationFunction, Probot } from 'probot';
import type { IntentSink } from '../../review/webhook-intent.js';
import { type GitHubPayload, githubIntents } from './github-intents.js';

/**
 * The GitHub App: every event is translated into intents (github-intents.ts) that the sink applies,
 * so the webhook is answered in milliseconds; the review runs in the queue. The sink's failure is
 * awaited, so a queue that cannot take the job makes the delivery fail (and show as failed on GitHub).
 */
export function createGitHubApp(intents: IntentSink): ApplicationFunction {
  return (app: Probot) => {
    app.onAny(async (context) => {
      const decision = githubIntents(context.name, context.payload as GitHubPayload, context.id);
      if (!decision.ok || decision.intents.length === 0) return;
      const outcome = await intents.apply(decision.intents);
      const trigger = `${context.name}.${(context.payload as { action?: string }).action ?? ''}`;
      app.log.info({ deliveryId: context.id, trigger, outcome }, 'webhook intents applied');
    });
  };
}
