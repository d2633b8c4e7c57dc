// The esbuild plugin the contributor-command builds share: `serve` and `worker` (and the server
// packages they load) stay out of the bundle, imported only if those commands run.
export const SERVER_ONLY = /\/(serve|worker)-command\.js$/;

export const serverCommandsLeftOut = {
  name: 'server-commands-left-out',
  setup(build) {
    build.onResolve({ filter: SERVER_ONLY }, (args) => ({ path: args.path, external: true }));
  },
};
