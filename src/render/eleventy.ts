/** Rendering the site's pages with Eleventy, run from code over `templates/`. */
import { readdir } from "node:fs/promises";
import path from "node:path";
import "./eleventy-options.js";
import Eleventy from "@11ty/eleventy";
import { pageFamilies, type PageFamilies } from "./plan.js";
import type { ArticleView, SiteData } from "./site-data.js";
import { PACKAGE_ROOT } from "./templates.js";

/** Options for {@link renderSite}. */
export interface RenderOptions {
  /** Folder to write pages into. */
  readonly outDir: string;
  /** The paginated pages to render (default: all of them); other pages are always rendered. */
  readonly families?: PageFamilies;
  /** Render only these templates (file names in `templates/`); default: all. */
  readonly only?: readonly string[];
  /** Leave these templates out (file names in `templates/`). */
  readonly except?: readonly string[];
}

/**
 * What the templates receive: every page needs `site` and `base`; single pages need the rest,
 * and of the articles only their addresses and last changes.
 */
export type RenderData = Pick<SiteData, "site" | "base"> &
  Partial<Omit<SiteData, "articles">> & { readonly articles?: readonly Pick<ArticleView, "url" | "lastmod">[] };

/**
 * Render the site's pages into `outDir`. Records reach the templates only as data: their text
 * is never template source.
 *
 * @param data View models from {@link buildSiteData}; links in them are site-relative and
 *   templates put `data.base` before them.
 * @param options Output folder, and which pages to render.
 * @returns The files Eleventy wrote, relative to the output folder, sorted.
 */
export async function renderSite(data: RenderData, options: RenderOptions): Promise<string[]> {
  const render = options.families ?? pageFamilies(data as SiteData);
  const templates = path.join(PACKAGE_ROOT, "templates");
  const left = options.only ? (await readdir(templates)).filter((n) => n.endsWith(".njk") && !options.only!.includes(n)) : [];
  const skipped = [...left, ...(options.except ?? [])].map((name) => `./${path.relative(process.cwd(), path.join(templates, name)).split(path.sep).join("/")}`);
  const eleventy = new Eleventy(templates, options.outDir, {
    quietMode: true,
    configPath: path.join(PACKAGE_ROOT, "eleventy.config.js"),
    config(config: { addGlobalData(name: string, value: unknown): void; ignores: Set<string> }) {
      for (const [name, value] of Object.entries(data)) config.addGlobalData(name, value);
      config.addGlobalData("render", render);
      for (const file of skipped) config.ignores.add(file);
    },
  });
  eleventy.disableLogger();
  try {
    const results = (await eleventy.write()) as unknown;
    return writtenFiles(results, options.outDir);
  } catch (error) {
    throw new Error(`rendering pages failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await forgetCompiledTemplates(eleventy);
  }
}

/**
 * Empty Eleventy's compiled-template cache. It is shared by every run in a thread, keyed by
 * run, and its entries reach the run's configuration and with it the run's global data, so
 * without this each run would keep the data of all runs before it. Resetting a run's
 * configuration is Eleventy's way to clear it.
 */
async function forgetCompiledTemplates(eleventy: Eleventy): Promise<void> {
  const config = (eleventy as unknown as { eleventyConfig?: { reset(): Promise<void> } }).eleventyConfig;
  await config?.reset();
}

function writtenFiles(results: unknown, outDir: string): string[] {
  if (!Array.isArray(results)) return [];
  const root = path.resolve(outDir);
  return results
    .flat(Infinity)
    .map((r) => (r && typeof r === "object" && "outputPath" in r ? (r as { outputPath: unknown }).outputPath : null))
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .map((p) => path.relative(root, path.resolve(p)).split(path.sep).join("/"))
    .sort();
}
