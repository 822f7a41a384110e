declare module "stopword" {
  /** English stop words (function words such as "the", "but", "in"). */
  export const eng: readonly string[];
}
