declare module "@11ty/eleventy" {
  /** The part of Eleventy's programmatic API the build uses. */
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    write(): Promise<unknown>;
    disableLogger(): void;
  }
}
