/** The platforms a hub can live on and the bot can review on. */
export type PlatformName = 'github' | 'gitee' | 'gitcode';
