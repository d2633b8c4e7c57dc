export const EXIT = {
  OK: 0,
  /** Error findings. */
  FINDINGS: 1,
  /** A usage or configuration error, or a path that does not exist. */
  USAGE: 2,
  /** A bug: something failed that should not have. */
  INTERNAL: 3,
  /** Stopped by the person at the terminal (Ctrl+C, Ctrl+D): 128 + SIGINT, as shells report it. */
  INTERRUPTED: 130,
} as const;
