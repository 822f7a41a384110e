/** The topic vocabulary: canonical names, kinds and aliases, from a user-editable YAML file. */
import matter from "gray-matter";
import { makeSlug } from "../parse/slug.js";

/** Kinds of topic. */
export type TopicKind = "person" | "organisation" | "place" | "subject";

/** One vocabulary entry. */
export interface TopicEntry {
  readonly name: string;
  readonly slug: string;
  readonly kind: TopicKind;
  /** Every spelling that names the topic, the canonical name included. */
  readonly aliases: readonly string[];
  readonly description: string | null;
  /** Found in the archive rather than listed in the vocabulary file. */
  readonly discovered?: boolean;
}

const KINDS: Readonly<Record<string, TopicKind>> = {
  person: "person",
  people: "person",
  organisation: "organisation",
  organization: "organisation",
  group: "organisation",
  "armed group": "organisation",
  place: "place",
  location: "place",
  subject: "subject",
  theme: "subject",
};

/**
 * Parse a vocabulary file: a YAML list of `{name, kind, aliases, description}` entries.
 *
 * @param yaml The file's text.
 * @param fileName Name used in error messages.
 * @returns The entries, in file order.
 * @throws Error naming the file and the entry when the vocabulary is malformed.
 */
export function parseVocabulary(yaml: string, fileName = "topics.yml"): TopicEntry[] {
  let data: unknown;
  try {
    data = matter(`---\n${yaml}\n---\n`).data;
  } catch (error) {
    throw new Error(`${fileName}: invalid YAML: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  const list = Array.isArray(data) ? data : (data as { topics?: unknown } | null)?.topics;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new Error(`${fileName}: expected a list of topics (or a "topics:" list)`);
  const seen = new Set<string>();
  return list.map((raw: unknown, i: number): TopicEntry => {
    const entry = raw as Record<string, unknown>;
    const where = `${fileName}: topic #${i + 1}`;
    if (!entry || typeof entry.name !== "string" || entry.name.trim() === "") throw new Error(`${where} has no "name"`);
    const name = entry.name.trim();
    const kindName = String(entry.kind ?? "subject").toLowerCase();
    const kind = Object.hasOwn(KINDS, kindName) ? KINDS[kindName] : undefined;
    if (!kind) throw new Error(`${where} (${name}): unknown kind "${String(entry.kind)}" (use person, organisation, place or subject)`);
    const aliases = entry.aliases === undefined ? [] : entry.aliases;
    if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === "string" || typeof a === "number")) {
      throw new Error(`${where} (${name}): "aliases" must be a list of names`);
    }
    const slug = typeof entry.slug === "string" ? entry.slug : makeSlug(name);
    if (seen.has(slug)) throw new Error(`${where} (${name}): another topic already has the slug "${slug}"`);
    seen.add(slug);
    return {
      name,
      slug,
      kind,
      aliases: [...new Set([name, ...aliases.map((a) => String(a).trim()).filter(Boolean)])],
      description: typeof entry.description === "string" ? entry.description.trim() : null,
    };
  });
}
