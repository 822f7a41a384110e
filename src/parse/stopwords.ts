/** Function words of the languages most common in news pages, used to tell prose from labels. */

const LISTS = [
  // English
  "a about after against all also an and any are as at be because been before being between both but by can could did do does during each for from had has have he her here him his how i if in into is it its just me more most my no not now of on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your said says",
  // Spanish
  "el la los las un una unos unas y o de del al en con por para que se su sus es son fue ha han lo como más pero sin sobre entre también muy ya este esta estos estas ese esa le les no si",
  // Portuguese
  "o os as um uma e ou do da dos das no na nos nas em com por para que se seu sua é são foi há como mais mas sem sobre entre também muito já este esta isso ao à às não",
  // Italian
  "il lo gli le un una uno e o di del della dei delle da in con su per che si è sono come più ma anche non al alla nel nella",
  // French
  "le la les un une des et ou de du au aux en dans avec par pour que qui se sur est sont comme plus mais pas ne ce cette ces il elle ils",
  // German
  "der die das den dem des ein eine einer eines und oder zu im in mit von für auf ist sind war wie auch nicht sich es er sie aus bei nach über",
  // Indonesian / Malay
  "yang dan di ke dari ini itu dengan untuk tidak ada dalam akan pada juga oleh atau karena sebagai bisa sudah mereka kita kami",
  // Russian
  "и в не на я что с по это как а но к у из за от о же так для то все вы бы",
];

/** Lower-cased function words of English, Spanish, Portuguese, Italian, French, German, Indonesian and Russian. */
export const STOPWORDS: ReadonlySet<string> = new Set(LISTS.join(" ").split(/\s+/));

/**
 * Share of a line's words that are function words: high in prose, near zero in menus and labels.
 *
 * @param words Words of the line, in any case.
 * @returns A ratio between 0 and 1 (0 for no words).
 */
export function stopwordRatio(words: readonly string[]): number {
  if (words.length === 0) return 0;
  let n = 0;
  for (const w of words) if (STOPWORDS.has(w.toLowerCase())) n++;
  return n / words.length;
}
