import type { ProbotOctokit } from 'probot';

export type Octokit = InstanceType<typeof ProbotOctokit>;

/** The GitHub App's clients: the app itself without an id, else the installation's. */
export type GitHubAuth = (installationId?: number) => Promise<Octokit>;
