/** The one reader of process.env; every setting the program takes from the environment is here. */
export interface Environment {
  /** Colour in terminal output: forced on (`FORCE_COLOR`), off (`NO_COLOR`), or decided by the terminal. */
  color: 'on' | 'off' | 'auto';
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const color = env.NO_COLOR ? 'off' : env.FORCE_COLOR && env.FORCE_COLOR !== '0' ? 'on' : 'auto';
  return { color };
}
