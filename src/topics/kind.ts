/** Guessing the kind of a discovered topic from its words and how the text uses it. */
import { isAcronym } from "./fold.js";
import type { TopicKind } from "./vocabulary.js";

const ORGANISATION_WORDS = new Set([
  "army", "forces", "force", "front", "brigade", "brigades", "council", "agency", "organisation", "organization", "observatory",
  "ministry", "committee", "party", "movement", "union", "nations", "group", "corps", "commission", "coalition", "court",
  "government", "guard", "guards", "unit", "units", "office", "watch", "institute", "bank", "company", "news", "times", "post",
  "press", "tahrir", "hayat", "hayat", "jabhat", "jaish", "jaysh", "liwa", "harakat", "network", "association", "foundation",
  "crescent", "cross", "assembly", "parliament", "department", "service", "services", "alliance", "authority", "fund", "program",
  "programme", "tv", "television", "radio", "channel", "agency", "daily", "herald", "tribune", "journal", "federation", "regime", "house",
]);
const PLACE_WORDS = new Set([
  "province", "governorate", "city", "mountains", "mountain", "valley", "river", "airport", "base", "square", "camp", "heights",
  "sea", "gulf", "island", "desert", "countryside", "district", "region", "border", "crossing", "hospital", "prison", "street",
  "town", "village", "plain", "lake", "dam", "bridge", "neighbourhood", "neighborhood", "east", "west", "north", "south",
  "united", "kingdom", "states", "republic", "emirates", "saudi", "eastern", "western", "northern", "southern",
]);

/** What the text shows about a discovered name. */
export interface KindEvidence {
  readonly words: readonly string[];
  /** Mentions in all. */
  readonly mentions: number;
  /** Mentions after "in", "near", "from"… */
  readonly afterPlaceWord: number;
  /** Mentions after a personal title ("President", "Gen"). */
  readonly titled: number;
}

/**
 * Guess a discovered topic's kind: acronyms and names with an organisation word ("Front",
 * "Council") are organisations; names with a place word ("Province", "Valley") or used after
 * "in"/"near" in at least a fifth of their mentions are places; names after a personal title,
 * and two- to four-word names otherwise, are people; single words otherwise are places, as most
 * one-word names in news are (countries, cities, regions).
 *
 * @param evidence The name's words and how it was used.
 */
export function guessKind(evidence: KindEvidence): TopicKind {
  const lower = evidence.words.map((w) => w.toLowerCase());
  if (evidence.words.some(isAcronym)) return "organisation";
  if (lower.some((w) => ORGANISATION_WORDS.has(w))) return "organisation";
  if (lower.some((w) => PLACE_WORDS.has(w)) || evidence.afterPlaceWord * 5 >= evidence.mentions) return "place";
  if (evidence.titled * 5 >= evidence.mentions && evidence.titled > 0) return "person";
  const names = lower.filter((w) => !/^(?:al|el|bin|ibn|ben|of|for|de)$/.test(w));
  if (names.length >= 2 && names.length <= 4) return "person";
  return "place";
}
