// Types for scripts/model.mjs, used by the drift test.
export function generateModelTypes(root: string): Promise<string>;
