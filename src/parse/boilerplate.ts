/** Recognising site furniture among the lines of a scraped page. */
import { HANDLE_SOURCE } from "./byline.js";

/** Whole lines that are navigation, labels or prompts, never article text. */
const FURNITURE_LINE =
  /^(search|search for:?|menu|main menu|home|you are here:?|skip to .{0,40}|share( this)?( article| story| on)?|shares?|subscribe( now)?|sign in|sign up|log ?in|register|advertisement|advertising|sponsored|helpful keywords|keywords:?|tags?:?|topics:?|print|email|e-mail|comments?|\d+ comments?|follow us|newsletter|back to top|close|toggle navigation|navigation|breadcrumbs?|trending( now)?|latest( news)?|top stories|more|next|previous|get short url|share this article|click to share|whatsapp|facebook|twitter|linkedin|telegram|copy link|listen to this article|continue reading( the main story| below)?|(story|article) continues below|breaking news (alerts|emails)|like this story\? share it with a friend!?|font size|text size|a\+?|a-)$/i;
/** "N min read" style reading-time labels. */
const READ_TIME = /^(\d+|one|two|three|four|five)[ -]?(min|mins|minute|minutes)( read)?$/i;
/** Words that label a cross link or teasers inside an article (a pattern source). */
const CROSS_LINK_WORDS = "read also|read more|see also|also read|more on this|don['’]t miss";
/** "Read also: …" style cross links. */
const READ_ALSO = new RegExp(`^(${CROSS_LINK_WORDS}|see more|also see|related|recommended|watch|listen|more:|read:|must read)\\s*[:\\-–—]`, "i");
/** A teaser for an article on the same site: "Also on rt.com Journalists threatened with arrest". */
const ALSO_ON_SITE = /^also on [a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\s/i;
/** Headers that open a block of teasers for other articles. */
const RELATED_HEADER =
  /^(related|related (articles|stories|news|posts|content|coverage|topics|links)|more (stories|news|on this( story| topic)?|from [\w ]+)|more (?:great |top |recent |popular )?[\w-]+ (?:stories|articles|reads)|(?:our )?latest (?:stories|articles|posts|headlines)|you (may|might) also like|recommended( for you| stories| reading)?|read next|what to read next|most (read|popular|viewed)|popular( now| stories)?|further reading)$/i;
/** Editorial disclaimers and rights notices. */
const DISCLAIMER =
  /^(this article was (edited|published|translated|produced) by|responsibility for the information|the views expressed|views expressed in this|©|copyright\b|all rights reserved|this story has not been edited|(this|the) (article|story|report) (was|has been) (originally )?(published|updated|corrected))/i;
/** Cookie, sharing and subscription prompts (short lines only). */
const PROMPT = /(\bcookies?\b|\bsubscribe to\b|\bsign up for\b|\bnewsletter\b|^share (on|this|via)\b|\bfollow us on\b|\bdownload (our|the) app\b|\bclick(?:ing)? here\b|\benable javascript\b|\byour browser\b|\bget breaking news alerts\b|\b(?:news|stories)\b.{0,40}\b(?:your inbox|delivered (?:daily|weekday|every))\b)/i;

/**
 * What a subscription form says once sent, and its small print: "You have successfully
 * subscribed. Thank you!", "An email with an activation link has just been sent to your email
 * address.", "No spam, we promise. You can unsubscribe at any time…".
 */
const FORM_RESPONSE =
  /\b(?:(?:successfully|succesfully|now) subscribed|(?:thank you|thanks) for (?:subscribing|signing up|your subscription)|activation link|(?:activate|confirm) your (?:subscription|email(?: address)?)|(?:check|keep an eye on|watch) your (?:inbox|email)\b|unsubscribe at any time|no spam, we promise|opt-in box|error processing your subscription)\b/i;

/** Words of sharing controls ("Show more sharing options", "Copy Link URL Copied!", "Print This Article Share it With Friends"). */
const SHARE_WORDS = new Set(
  "share sharing options show hide more close extra copy copied link url email e-mail print tweet facebook twitter linkedin whatsapp reddit pinterest messenger this article story page on via it with to a your friend friends".split(" "),
);
/** Words that make a line of {@link SHARE_WORDS} a sharing control rather than a menu. */
const SHARE_ACTION = /\b(?:share|sharing|cop(?:y|ied)|url|link|e-?mail|print|tweet)\b/i;

/** Whether a line is nothing but sharing controls, two words or more. */
function isShareControls(text: string): boolean {
  const words = text.toLowerCase().replace(/[!.:]+/g, " ").split(/\s+/).filter(Boolean);
  return words.length >= 2 && words.length <= 8 && SHARE_ACTION.test(text) && words.every((w) => SHARE_WORDS.has(w));
}

/** A link's label as the page gives it for screen readers: "Click to share on Twitter (Opens in new window)". */
const NEW_WINDOW = /\(opens in (?:a )?new (?:window|tab)\)$/i;

/** A social media handle alone on its line, as pages print one under a byline: "@BryanDeArdo". */
const HANDLE_LINE = new RegExp(`^${HANDLE_SOURCE}$`);

/** Where a text browser printed an image: "Image[merlin_150]", "[image]". */
const IMAGE_PLACEHOLDER = /^(?:(?:image|photo|picture|video)\s*\[[^\]]{0,60}\]|\[(?:image|photo|picture|img)\])$/i;

/** Cookie and terms consent banners, whatever their length. */
const CONSENT_TOPIC = /\b(?:cookies?|privacy (?:policy|terms)|terms of (?:use|service))\b/i;
const CONSENT_ACT = /\b(?:consent|accept|agree|we use|by (?:clicking|continuing|using))/i;

/** Why a line is furniture, or null for ordinary text. */
export type FurnitureReason = "navigation" | "share-links" | "social-handle" | "image" | "read-time" | "read-also" | "related-links" | "disclaimer" | "prompt" | "consent";

/**
 * Classify one line of a scraped page as site furniture.
 *
 * @param line One trimmed line.
 * @returns The reason the line is furniture, or null.
 */
export function furnitureReason(line: string): FurnitureReason | null {
  const text = line.trim();
  if (FURNITURE_LINE.test(text)) return "navigation";
  if (isShareControls(text)) return "share-links";
  if (NEW_WINDOW.test(text)) return "navigation";
  if (HANDLE_LINE.test(text)) return "social-handle";
  if (IMAGE_PLACEHOLDER.test(text)) return "image";
  if (READ_TIME.test(text)) return "read-time";
  if (READ_ALSO.test(text) || ALSO_ON_SITE.test(text)) return "read-also";
  if (RELATED_HEADER.test(text)) return "related-links";
  if (DISCLAIMER.test(text)) return "disclaimer";
  if (text.length < 120 && PROMPT.test(text)) return "prompt";
  if (text.length < 300 && FORM_RESPONSE.test(text)) return "prompt";
  if (text.length < 600 && CONSENT_TOPIC.test(text) && CONSENT_ACT.test(text)) return "consent";
  return null;
}

/** Headers that open the readers' comments under an article. */
const COMMENTS_HEADER =
  /^[[(]?\s*(?:\d[\d,]*\s+)?(?:(?:top rated |reader |readers' |latest |show |view |load |read all |see all |all )?comments?|responses?|(?:leave|post|add|write) a (?:reply|comment)|join the (?:discussion|conversation)|discussion|conversation)\b[^.!?]{0,40}$/i;

/**
 * Whether a line opens the readers' comments ("Top Rated Comments", "[ 167 comments ]").
 *
 * @param line One trimmed line.
 */
export function isCommentsHeader(line: string): boolean {
  return COMMENTS_HEADER.test(line.trim());
}

/** Labels of a few teasers set between an article's paragraphs: "More:", "See also:", "Don't miss". */
const TEASER_LABEL = new RegExp(`^(?:(?:more|${CROSS_LINK_WORDS})\\s*:|don['’]t miss)$`, "i");

/**
 * Whether a line labels teasers set inside the article ("More:"), which run up to its next paragraph.
 *
 * @param line One trimmed line.
 */
export function isTeaserLabel(line: string): boolean {
  return TEASER_LABEL.test(line.trim());
}

/**
 * Whether a line opens a trailing block of teasers ("Related Articles").
 *
 * @param line One trimmed line.
 */
export function isRelatedHeader(line: string): boolean {
  return RELATED_HEADER.test(line.trim());
}

/**
 * The outlet named by an editorial footer such as "This article was edited by The Syrian Observer.",
 * or null.
 *
 * @param line One trimmed line.
 */
export function publisherFromFooter(line: string): string | null {
  const m = /^this article was (?:edited|published|produced) by ([^.]{2,60}?)\s*(?:\.|$)/i.exec(line.trim());
  return m ? m[1]!.trim() : null;
}
