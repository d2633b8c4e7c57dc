export declare function yieldBackgroundThreads(): number;
