/** Why an asset could not be hashed, as the network adapter reports it. */
export type AssetFailureKind =
  /** Final: the link is wrong or refused (4xx, TLS, a forbidden address, a redirect problem). */
  | 'unreachable'
  /**
   * The host's name could not be resolved: the name in the link is wrong, or the machine asking has
   * no name server to ask (offline). The two look the same from here (both ENOTFOUND).
   */
  | 'unresolved'
  /** The asset is larger than the hub loader accepts. */
  | 'too-large'
  /** Transient, still failing after retries (5xx, 429, timeouts, dropped connections). */
  | 'failed';

export type AssetHashOutcome =
  | { ok: true; sha256: string; bytes: number }
  | { ok: false; kind: AssetFailureKind; reason: string };

/** Hashes the asset behind a link; the net adapter implements it, tests may fake it. */
export interface AssetHasher {
  hash(url: string): Promise<AssetHashOutcome>;
}
