/** Rendering the site's pages with Eleventy, run from code over `templates/`. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { SiteData } from "./site-data.js";

/** The package's root folder (holding `templates/`, `public/` and the Eleventy config). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Options for {@link renderSite}. */
export interface RenderOptions {
  /** Folder to write pages into. */
  readonly outDir: string;
  /** URL path the site is served under, e.g. `/` or `/archive/`. */
  readonly pathPrefix: string;
}

/**
 * Render every page of the site into `outDir` and copy `public/` beside them.
 * Records reach the templates only as data: their text is never template source.
 *
 * @param data View models from {@link buildSiteData}.
 * @param options Output folder and path prefix.
 * @returns How many files Eleventy wrote.
 */
export async function renderSite(data: SiteData, options: RenderOptions): Promise<number> {
  const eleventy = new Eleventy(path.join(PACKAGE_ROOT, "templates"), options.outDir, {
    quietMode: true,
    configPath: path.join(PACKAGE_ROOT, "eleventy.config.js"),
    pathPrefix: options.pathPrefix,
    config(config: { addGlobalData(name: string, value: unknown): void }) {
      config.addGlobalData("site", data.site);
      config.addGlobalData("articles", data.articles);
      config.addGlobalData("topics", data.topics);
      config.addGlobalData("topicGroups", data.topicGroups);
      config.addGlobalData("topicPages", data.topicPages);
      config.addGlobalData("duplicates", data.duplicates);
    },
  });
  try {
    const results = (await eleventy.write()) as unknown;
    return countWritten(results);
  } catch (error) {
    throw new Error(`rendering pages failed: ${(error as Error).message}`, { cause: error });
  }
}

function countWritten(results: unknown): number {
  if (!Array.isArray(results)) return 0;
  return results.flat(Infinity).filter((r) => r && typeof r === "object" && "outputPath" in r && (r as { outputPath: unknown }).outputPath).length;
}
