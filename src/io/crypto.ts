/**
 * `node:crypto`, loaded when first used: loading it costs about 10 ms, a noticeable share of
 * every run of a command that may never hash a file or name a temporary one (`--help`,
 * `validate` without a cache or a report file).
 */
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');

let loaded: Crypto | undefined;

export function crypto(): Crypto {
  loaded ??= createRequire(import.meta.url)('node:crypto') as Crypto;
  return loaded;
}
