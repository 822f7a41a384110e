/**
 * Reloads the page when `clippings serve --watch` has rebuilt the site. Served only by the
 * development server, never part of a built site.
 */
const events = new EventSource("/__clippings/events");
events.addEventListener("rebuilt", () => location.reload());
export {};
