/**
 * Process settings Eleventy reads when it is first imported; this module is imported before it.
 *
 * Eleventy registers a module resolver hook on import, to load changed JavaScript data and
 * configuration files afresh when it serves and rebuilds on its own. Builds here run Eleventy
 * from code over templates that do not change while the process runs, so the hook would only
 * cost: on Node 20 it runs on a thread of its own, started in every thread that imports Eleventy,
 * and every module imported after it is resolved through that thread. An environment that sets
 * the variable (even to an empty value, which keeps the hook) wins.
 */
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
