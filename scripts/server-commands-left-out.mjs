// The esbuild plugin the contributor-command builds share: `serve` and `worker` (and the server
// packages they load), and the maintainers' `audit`, stay out of the bundle, imported only if those
// commands run; the contributor's single file stays under 1 MiB.
export const SERVER_ONLY = /\/(serve|worker|audit)-command\.js$/;

export const serverCommandsLeftOut = {
  name: 'server-commands-left-out',
  setup(build) {
    build.onResolve({ filter: SERVER_ONLY }, (args) => ({ path: args.path, external: true }));
  },
};
