/** Words that never make a topic on their own: calendar words, titles, function words, page furniture. */
import { eng } from "stopword";

const CALENDAR = [
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "today", "yesterday", "tomorrow", "am", "pm", "gmt", "utc",
];
const FURNITURE = [
  "read", "more", "click", "here", "share", "copyright", "reserved", "subscribe", "follow", "comments", "comment",
  "print", "email", "related", "advertisement", "photo", "photos", "video", "videos", "file", "tags", "tag", "updated",
  "published", "date", "publication", "image", "images", "getty", "caption", "search", "home", "menu", "login", "newsletter",
  "facebook", "twitter", "whatsapp", "telegram", "min", "reading", "story", "news", "breaking", "top", "latest", "also", "see",
  "youtube", "instagram", "url", "facebookcomment", "android", "cookie", "privacy", "policy", "terms", "careers", "contact", "tv",
  "live", "watch", "schedule", "connect", "ok", "slideshow", "god",
];
/** Titles and offices that precede a name ("President", "Foreign Minister", "Gen"). */
export const TITLES = new Set([
  "president", "prime", "minister", "ministers", "foreign", "defence", "defense", "interior", "secretary", "general", "gen", "mr", "mrs", "ms", "dr",
  "king", "queen", "prince", "sheikh", "emir", "colonel", "col", "lt", "lieutenant", "major", "maj", "brig", "brigadier", "commander",
  "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador", "chief", "leader", "senator", "sen", "rep", "deputy", "former",
  "vice", "ayatollah", "imam", "pope", "chancellor", "director", "head", "capt", "captain", "sgt", "sergeant", "mp", "officer", "activist", "journalist",
]);
/** Generic nouns that name an institution only together with other words ("Defence Ministry"). */
const GENERIC = [
  "ministry", "state", "government", "army", "police", "council", "committee", "forces", "force", "regime", "coalition",
  "opposition", "agency", "command", "department", "office", "court", "parliament", "observatory", "monitor", "group",
  "front", "brigade", "brigades", "movement", "party", "union", "republic", "kingdom", "city", "province", "countryside",
];
const BANNED = new Set([...CALENDAR, ...FURNITURE, ...eng]);

/**
 * Whether a single word can never be a topic by itself: a weekday, month, function word,
 * title or piece of page furniture ("Tags", "Read more").
 *
 * @param word A word, any case.
 */
export function isJunkWord(word: string): boolean {
  const lower = word.toLowerCase();
  return lower.length < 2 || /^\p{N}/u.test(lower) || BANNED.has(lower) || TITLES.has(lower);
}

/**
 * Whether a word alone is too generic to be a topic ("Ministry", "State", "Army").
 *
 * @param word A word, any case.
 */
export function isGenericWord(word: string): boolean {
  return GENERIC.includes(word.toLowerCase());
}

/**
 * Whether a word is a calendar word (weekday, month, "today").
 *
 * @param word A word, any case.
 */
export function isCalendarWord(word: string): boolean {
  const lower = word.toLowerCase();
  return CALENDAR.includes(lower) || (lower.endsWith("s") && CALENDAR.includes(lower.slice(0, -1)));
}
