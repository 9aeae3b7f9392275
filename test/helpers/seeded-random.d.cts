export declare function mulberry32(seed: number): () => number;
export declare function gaussian(uniform: () => number): number;
