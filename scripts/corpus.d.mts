// Types for scripts/corpus.mjs, which the bench and the tests share.
export declare function communique(index: number, broken?: string): string;
export declare function writeCorpus(folder: string, count: number): number;
