import { parseCommunique } from '../../core/parse/communique.js';
import type { Step } from '../file-pipeline.js';

/** Parse: decode the bytes, split the front matter from the body, read the YAML with positions. */
export function parseStep(maxBytes: number): Step {
  return (state) => {
    state.parsed = parseCommunique(state.bytes!, { maxBytes });
    delete state.bytes;
  };
}
