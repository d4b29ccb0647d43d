// Types of build-progress.mjs, for the tests.
export declare const buildSteps: { name: string; opens: RegExp }[];
export declare function stepOpenedBy(line: string): number;
export declare function elapsed(ms: number): string;
export declare function buildNarrator(now?: () => number): {
  line(text: string): string | undefined;
  tick(quiet?: number): string | undefined;
  done(): string;
};
