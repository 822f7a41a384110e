/**
 * Data for every template here. A paginated page's file follows from its item's address
 * (`/articles/x/` → `articles/x/index.html`, `/topics/x/feed.xml` as is); a function, so no
 * permalink template is compiled for each page. Single pages set their permalink in front
 * matter, which wins over this.
 */
export default {
  // Pages are listed from the archive's data, never from Eleventy collections: keeping each
  // page's content for collections would only cost memory.
  eleventyExcludeFromCollections: true,
  permalink(data) {
    const url = data.pagination?.items?.[0]?.url;
    if (typeof url !== "string") throw new Error(`${data.page.inputPath}: a page needs a permalink in its front matter`);
    return url.endsWith("/") ? `${url}index.html` : url;
  },
};
