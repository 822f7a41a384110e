/**
 * A publisher's pitches set at an article's end or start: "Get Motor Cycle Monthly delivered
 * through your letterbox every month. 12 issues for £11.99.", "Sign up for The Water Coolest
 * today to get the free daily newsletter delivered to your inbox daily.", "Join our Space
 * Forums to keep talking space…".
 */

/** A sentence opening with a call to act, as a pitch does. */
const CALL = /(?:^|[.!?]["”]?\s+|^\[)(?:get|sign up|subscribe|join|start your day|follow|need more)\b/i;
/** What a pitch sells: a newsletter, an edition, a subscription, a forum, news delivered. */
const OFFER = /\b(?:newsletters?|inbox|issues|magazine|subscriptions?|subscribe|forums?|letterbox|mailing list|updates|breaking(?: [\p{L}-]+){0,2} news)\b/iu;
/** Most words of a pitch. */
const PITCH_MAX_WORDS = 60;
/** Last blocks of an article among which a pitch is looked for. */
const TAIL_BLOCKS = 3;

/**
 * Whether a block is a pitch: short, with a sentence calling the reader to act on an offer.
 *
 * @param text One block's text.
 */
export function isPitch(text: string): boolean {
  return CALL.test(text) && OFFER.test(text) && text.split(/\s+/).length <= PITCH_MAX_WORDS;
}

/**
 * The article's blocks without the pitches among its last few and its first.
 *
 * @param blocks The article's blocks, in order.
 * @param dropped Told of each pitch taken out.
 * @returns The blocks kept.
 */
export function withoutPitches<T extends { readonly text: string }>(blocks: readonly T[], dropped: (text: string) => void): T[] {
  return blocks.filter(({ text }, k) => {
    const pitch = (k === 0 || k >= blocks.length - TAIL_BLOCKS) && isPitch(text);
    if (pitch) dropped(text);
    return !pitch;
  });
}
