/**
 * Extraction from scraped text: finding the article among page furniture, choosing the headline,
 * and reading every date format of the FA-KES corpus (sample strings from the FA-KES dataset,
 * Abu Salem et al., ICWSM 2019, CC BY 4.0).
 */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { checkFolder } from "../src/cli/check.js";
import { isCommentsHeader, furnitureReason } from "../src/parse/boilerplate.js";
import { typeLine } from "../src/parse/blocks.js";
import { bareNameByline, parseByline } from "../src/parse/byline.js";
import { classifyLines, findContentRegion } from "../src/parse/content.js";
import { findDates, weekdayAgrees } from "../src/parse/dates.js";
import { splitOutletSuffix } from "../src/parse/headline.js";
import { extractFromText } from "../src/parse/text.js";

const PROSE = [
  "The council voted on Tuesday to close the old bridge to heavy traffic after engineers found cracks in two of its supports.",
  "Repairs are expected to take most of the winter, and the city has asked drivers to use the ring road in the meantime.",
  "Local shop owners said they were worried that fewer people would come to the market while the work goes on.",
];

const MENU = ["Home", "World", "Business", "Sport", "Weather", "Sign in", "Subscribe", "Contact us"];

describe("classifyLines / findContentRegion", () => {
  it("should take the run of prose and leave the menus around it", () => {
    const lines = [...MENU, "Bridge closed to lorries after cracks found", ...PROSE, ...MENU];
    const region = findContentRegion(classifyLines(lines));
    assert.deepEqual(region, { start: MENU.length + 1, end: MENU.length + PROSE.length });
  });

  it("should end the span with a short closing statement, but not with a prompt or a label", () => {
    const closing = "Officials did not immediately provide any other details.";
    for (const [last, kept] of [
      [closing, true],
      ["Let us know what you think about this!", false],
      ["Our Standards: The Thomson Reuters Trust Principles.", false],
    ] as const) {
      const lines = [...MENU, "Bridge closed to lorries after cracks found", ...PROSE, last, ...MENU];
      const region = findContentRegion(classifyLines(lines));
      assert.equal(region?.end, MENU.length + PROSE.length + (kept ? 1 : 0), last);
    }
  });

  it("should treat a line repeated on the page as navigation", () => {
    const info = classifyLines(["World news", "World news", PROSE[0]!]);
    assert.equal(info[0]!.cls, "bad");
    assert.equal(info[2]!.cls, "good");
  });

  it("should carry the span across a code block set between paragraphs", () => {
    const code = ["SELECT avg(n)", "FROM unnest(array[2, 3, 5, 2, 3, 12]) AS n;", "avg", "────────────", "4.3333333333333333", "WITH series AS (", "SELECT *", "FROM series", "),", "SELECT", "n,", "FROM"];
    const lines = [...MENU, "Simple anomaly detection using plain SQL", PROSE[0]!, ...code, PROSE[1]!, PROSE[2]!, ...MENU];
    const region = findContentRegion(classifyLines(lines));
    assert.deepEqual(region, { start: MENU.length + 1, end: MENU.length + 2 + code.length + 1 });
  });

  it("should not carry the span across headlines that do not read as code", () => {
    const teasers = [
      "Drunk man terrorizes streets of small Polish town in Soviet tank",
      "Worst deal ever? Korea fumes as US tries to raise price tag",
      "NASA tracking three asteroids headed this way",
      "Miss Moscow picked from 49 top beauties (PHOTOS)",
    ];
    const lines = [PROSE[0]!, ...teasers, ...teasers, ...teasers, PROSE[1]!, PROSE[2]!];
    const region = findContentRegion(classifyLines(lines));
    assert.deepEqual(region, { start: 1 + teasers.length * 3, end: lines.length - 1 });
  });

  it("should carry the span on through a numbered list whose short items go on counting after it", () => {
    const items = [
      "1) The old bridge, built in 1911 and closed twice since then for repairs to its supports.",
      "http://example.org/bridge",
      "2) The ring road, which the council wants drivers to take while the work goes on.",
      "http://example.org/ring-road",
      "3) The ferry",
      "http://example.org/ferry",
      "4) The tunnel",
      "http://example.org/tunnel",
    ];
    const start = MENU.length + 1;
    const page = (list: readonly string[]) => [...MENU, "Four ways across the river this winter", ...PROSE, ...list, "Tags: bridge, river", ...MENU];
    assert.deepEqual(findContentRegion(classifyLines(page(items))), { start, end: start + PROSE.length + items.length - 1 });
    // The list ends where the counting stops, and navigation between items ends it too.
    const skipping = [...items.slice(0, 4), "5) The ferry", ...items.slice(5)];
    assert.deepEqual(findContentRegion(classifyLines(page(skipping))), { start, end: start + PROSE.length + 2 });
    const interrupted = [...items.slice(0, 4), "Sign in", ...items.slice(4)];
    assert.deepEqual(findContentRegion(classifyLines(page(interrupted))), { start, end: start + PROSE.length + 2 });
    // A list of the site's own, counting from one after the article, is not the article's.
    const popular = ["Most read", "1) Council names new harbour master", "2) Storm closes schools", "3) Market moves to the square"];
    assert.deepEqual(findContentRegion(classifyLines([...MENU, "Bridge closed", ...PROSE, ...popular, ...MENU])), { start, end: start + PROSE.length - 1 });
  });

  it("should return null for a page without prose", () => {
    assert.equal(findContentRegion(classifyLines(MENU)), null);
  });
});

describe("extractFromText on a whole-page dump", () => {
  it("should date the article by a date line just above its headline when nothing below it does", () => {
    for (const [above, published] of [
      [["November 19, 2019 / 12:21 AM / Updated 14 hours ago"], "2019-11-19"],
      [["• 21 September 2020", "• SQL"], "2020-09-21"],
      [["October 9, 2018 at 4:02 pm", "Tweet"], "2018-10-09"],
    ] as const) {
      const out = extractFromText([...MENU, ...above, "Oversupply angst drags oil lower, stocks drift near highs", ...PROSE].join("\n"));
      assert.equal(out.title, "Oversupply angst drags oil lower, stocks drift near highs");
      assert.equal(out.published, published, above[0]);
      assert.deepEqual(out.removed.find((r) => r.text === above[0]), { text: above[0], reason: "date" });
    }
  });

  it("should not take a site's clock above the headline for the article's date", () => {
    const headline = "Oversupply angst drags oil lower, stocks drift near highs";
    // A clock naming the weekday; a date among the menus; a date above when one below dates the article.
    for (const [lines, published] of [
      [[...MENU, "Thu, 21 Nov 2019 00:57 GMT", headline, ...PROSE], null],
      [["November 20, 2019", ...MENU, headline, ...PROSE], null],
      [[...MENU, "November 20, 2019", headline, "Published 3 May 2016", ...PROSE], "2016-05-03"],
    ] as const) {
      const out = extractFromText(lines.join("\n"));
      assert.equal(out.title, headline);
      assert.equal(out.published, published, lines.join(" / "));
      assert.equal(out.removed.find((r) => /2019/.test(r.text))?.reason, "site-clock");
    }
  });

  it("should take the link previews printed after a name out of the sentence, keeping the name", () => {
    const card = "Ilhan Omar Hillicon Valley: Progressives oppose funding bill over surveillance authority | Senators call for 5G security coordinator Omar asks court to apply 'system of compassion' in sentencing MORE";
    const line = `A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan Omar ${card} (D-Minn.), the U.S. Attorney’s Office announced Monday.`;
    const plain = "A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan Omar (D-Minn.), the U.S. Attorney’s Office announced Monday.";
    const out = extractFromText([...MENU, "New York man pleads guilty to threatening to kill Omar", line, ...PROSE].join("\n"));
    assert.deepEqual(out.body.map((b) => b.text), [plain, ...PROSE]);
    assert.ok(out.removed.some((r) => r.reason === "link-preview" && r.text === `Ilhan Omar ${card.slice("Ilhan Omar ".length)}`));
    // The card may give the name in full, with a middle name.
    const full = "Kristi Lynn Noem South Dakota governor doubles down on anti-drug campaign South Dakota drops pipeline protest laws after lawsuit MORE";
    const governor = `South Dakota Gov. Kristi Noem ${full} (R) is defending the state’s launch of an anti-drug campaign.`;
    const shown = extractFromText([...MENU, "South Dakota governor doubles down", governor, ...PROSE].join("\n"));
    assert.equal(shown.body[0]!.text, "South Dakota Gov. Kristi Noem (R) is defending the state’s launch of an anti-drug campaign.");
    assert.ok(shown.removed.some((r) => r.reason === "link-preview" && r.text === full));
    // A name said twice with no preview after it stays as it is.
    const twice = "Fans sang New York New York as the team left the field, and the mayor joined in for MORE than an hour.";
    assert.equal(extractFromText([...MENU, "Team wins the cup", ...PROSE, twice].join("\n")).body.at(-1)!.text, twice);
  });


  it("should end the article at a newsletter form, whatever the form says once sent", () => {
    const out = extractFromText(
      [
        ...MENU,
        "Bridge closed to lorries after cracks found",
        ...PROSE,
        "Stay up to date with Acme. Subscribe to our newsletter.",
        "Stay up to date with Acme.",
        "Subscribe No thanks",
        "Please, fill the form to subscribe to our newsletter",
        "You have succesfully subscribed. Thank you!",
        "An email with an activation link has just been sent to your email address. Please activate your subscription by clicking on the activation link inside the email.",
        "Acme News Service",
        "Acme offers to all interested persons a News Service that brings Acme's corporate media releases directly to the user's desktop or mobile device.",
        "Quick Links",
      ].join("\n"),
    );
    assert.deepEqual(out.body.map((b) => b.text), PROSE);
  });


  const page = [
    ...MENU,
    "We use cookies to improve your experience. By continuing you accept our cookie policy and privacy terms.",
    "Local news",
    "Bridge closed to lorries after cracks found",
    "By Jane Smith",
    "Nov. 20, 2019, 9:28 AM UTC",
    ...PROSE,
    "Comments",
    "Great article, thanks for sharing this with all of us here today.",
    ...MENU,
  ].join("\n\n");
  const out = extractFromText(page);

  it("should find the headline just above the byline and date", () => {
    assert.equal(out.title, "Bridge closed to lorries after cracks found");
    assert.deepEqual(out.authors, ["Jane Smith"]);
    assert.equal(out.published?.slice(0, 10), "2019-11-20");
  });

  it("should keep the prose and nothing else in the body", () => {
    assert.deepEqual(out.body.map((b) => b.text), PROSE);
  });

  it("should account for every line it leaves out", () => {
    const removed = out.removed.map((r) => r.text);
    assert.ok(removed.includes("Comments"));
    assert.ok(removed.some((t) => t.startsWith("We use cookies")));
    assert.equal(out.removed.find((r) => r.text.startsWith("Great article"))?.reason, "comments");
  });
});

describe("extractFromText headline signals", () => {
  it("should take a headline ending in a full stop when the page's title states it", () => {
    const headline = "Council says yes to the bridge. The lorries will have to wait.";
    const out = extractFromText(
      [`${headline} - gazette.com`, ...MENU, "Schools Sports LIVE", "Weather", "Schools Sports LIVE", "Email Newsletters", "Schools Sports LIVE", "Entertainment", headline, ...PROSE].join("\n"),
    );
    assert.equal(out.title, headline);
    assert.deepEqual(out.body.map((b) => b.text), PROSE);
  });


  it("should prefer the line the body's opening restates over a tagline just above the body", () => {
    const out = extractFromText(
      [
        ...MENU,
        "Council closes the old bridge to lorries",
        "[ ] Tools",
        "From the City Gazette, the free daily paper",
        "The council closes the old bridge to lorries from Monday, after engineers found cracks in two of its supports and warned of more damage.",
        ...PROSE,
      ].join("\n"),
    );
    assert.equal(out.title, "Council closes the old bridge to lorries");
  });

  it("should find a title far above a body that opens with it, across an infobox", () => {
    const infobox = Array.from({ length: 30 }, (_, k) => `Fact ${k + 1} value ${k * 7}`);
    const out = extractFromText(
      [
        "Jump to content",
        "Lake Tekapo",
        "From the free guide",
        ...infobox,
        "Lake Tekapo (Māori: Takapō) is the second-largest of three roughly parallel lakes running along the northern edge of the basin.",
        ...PROSE,
      ].join("\n"),
    );
    assert.equal(out.title, "Lake Tekapo");
  });

  it("should prefer the headline over a time-stamped byline to teasers over dated ones", () => {
    const teaser = (title: string, date: string) => [title, "Adam Clark Estes", date, "72", "60.9K"];
    const out = extractFromText(
      [
        ...MENU,
        "Recent from Adam Clark Estes",
        ...teaser("Allow Me to Criticize the AirPods Pro, Which I Love", "11/13/19 9:00AM"),
        ...teaser("A Brief Explanation of Facebook's Scary New iPhone Bug", "11/12/19 4:40PM"),
        "The Future of Apple Innovation Is Backwards",
        "Adam Clark Estes",
        "Monday 5:30PM",
        "Filed to: innovation",
        ...PROSE,
      ].join("\n"),
    );
    assert.equal(out.title, "The Future of Apple Innovation Is Backwards");
    assert.deepEqual(out.authors, ["Adam Clark Estes"]);
    assert.equal(out.published, null);
  });

  it("should take the plain quotation marks when the page prints the headline both ways", () => {
    const curly = "Student says diet pills “burned her up from within”";
    const page = (extra: string[]) => [...MENU, curly, "By Jane Smith", "Nov. 20, 2019", ...PROSE, ...extra].join("\n");
    assert.equal(extractFromText(page(['Student says diet pills "burned her up from within"'])).title, 'Student says diet pills "burned her up from within"');
    assert.equal(extractFromText(page([])).title, curly);
  });

  it("should end the article at a closing 'First published' line and take its date", () => {
    const teasers = ["Woman risks her life to save a koala", "At least six people have died and hundreds of homes have been destroyed by bushfires in the region.", "2H ago", "Cities urge boycott of meat companies linked to Amazon fires", "Lawmakers in the two biggest cities want to cut ties with businesses involved with the imports."];
    const out = extractFromText([...MENU, "Bridge closed to lorries after cracks found", ...PROSE, "First published on November 19, 2019 / 8:16 AM", ...teasers, ...PROSE].join("\n"));
    assert.equal(out.published, "2019-11-19");
    assert.deepEqual(out.body.map((b) => b.text), PROSE);
    assert.ok(out.removed.some((r) => r.text.startsWith("First published") && r.reason === "date"));
  });

  it("should end the article at a note on its own author, but read on past a story about another journalist", () => {
    const note = "Meg James is a corporate media reporter for the Los Angeles Times, covering the business of television.";
    const teasers = ["Women and people of color directed a greater proportion of TV shows in the last season than before.", "The agency is the fifth company to break ranks with the association this year."];
    const page = (byline: string) => [...MENU, "Bridge closed to lorries after cracks found", byline, ...PROSE, note, ...teasers].join("\n");
    const own = extractFromText(page("By Meg James"));
    assert.deepEqual(own.authors, ["Meg James"]);
    assert.deepEqual(own.body.map((b) => b.text), PROSE);
    assert.ok(own.removed.some((r) => r.text === note && r.reason === "author-note"));
    const other = extractFromText(page("By John Smith"));
    assert.deepEqual(other.body.map((b) => b.text), [...PROSE, note, ...teasers]);
  });

  it("should read dates and a byline that stand after a standfirst taken for the first paragraph", () => {
    const standfirst = "The president had apologised for a short-lived declaration of martial law that plunged the country into chaos.";
    const out = extractFromText(
      [...MENU, "Impeachment fails after ruling party lawmakers walk out", standfirst, "Follow us", "Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC", "By Stella Kim and Jennifer Jett", ...PROSE].join("\n"),
    );
    assert.deepEqual(out.authors, ["Stella Kim", "Jennifer Jett"]);
    assert.equal(out.published, "2024-12-06T22:00:00Z");
    assert.equal(out.updated, "2024-12-07T12:43:00Z");
    assert.equal(out.subtitle, standfirst);
    assert.deepEqual(out.body.map((b) => b.text), PROSE);
  });

  it("should end the article at a heading over a note on its own author", () => {
    const bio = "Pai de Francesco e Teresa, Carlos Nadalim é coordenador pedagógico na escola em Londrina, cidade onde mora.";
    const out = extractFromText([...MENU, "Bridge closed to lorries after cracks found", "By Carlos Nadalim", ...PROSE, "Sobre Carlos Nadalim", bio].join("\n"));
    assert.deepEqual(out.body.map((b) => b.text), PROSE);
    const untitled = extractFromText([...MENU, "Bridge closed to lorries after cracks found", "By Jane Roe", ...PROSE, "About Carlos Nadalim", bio].join("\n"));
    assert.deepEqual(untitled.body.map((b) => b.text), [...PROSE, "About Carlos Nadalim", bio]);
  });

  it("should read a byline and a bulleted date after a standfirst and a caption", () => {
    const standfirst = "New York’s aging infrastructure is tough to maintain, and rock salt and thawing make it harder.";
    const caption = "A worker repairing underground cables this month in Flushing, Queens. (Photo: City Archive)";
    const out = extractFromText([...MENU, "How winter wreaks havoc under the city", standfirst, "Image[merlin_150]", caption, "By Corey Kilgannon", "• Feb. 21, 2019", ...PROSE].join("\n"));
    assert.deepEqual(out.authors, ["Corey Kilgannon"]);
    assert.equal(out.published, "2019-02-21");
    assert.equal(out.subtitle, standfirst);
    assert.deepEqual(out.body.map((b) => b.text), [caption, ...PROSE]);
  });

  it("should not date an article by a date in a box far below the headline", () => {
    const infobox = Array.from({ length: 18 }, (_, k) => `• Row ${k} label`);
    const out = extractFromText([...MENU, "New Zealand", ...infobox, "• Statute of Westminster adopted", "25 November 1947", ...PROSE].join("\n"));
    assert.equal(out.published, null);
    const near = extractFromText([...MENU, "New Zealand", "• Row label", "25 November 1947", ...PROSE].join("\n"));
    assert.equal(near.published, "1947-11-25");
  });

  it("should date an article by a 'First published' line above its text, and go on", () => {
    const out = extractFromText([...MENU, "Bridge closed to lorries after cracks found", "First Published: Tuesday, November 19, 2019 08:38 AM", ...PROSE].join("\n"));
    assert.equal(out.published, "2019-11-19");
    assert.deepEqual(out.body.map((b) => b.text), PROSE);
  });

  it("should read a line stating publication and update on the same day", () => {
    const out = extractFromText(
      [...MENU, "Bridge closed to lorries after cracks found", "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019", ...PROSE].join("\n"),
    );
    assert.equal(out.published, "2019-11-19");
    assert.equal(out.updated, "2019-11-19");
    assert.equal(out.subtitle, null);
  });

  it("should read date lines with times, weekdays, labels and a relative update", () => {
    const date = (line: string) => {
      const out = extractFromText([...MENU, "Bridge closed to lorries after cracks found", line, ...PROSE].join("\n"));
      assert.deepEqual(out.body.map((b) => b.text), PROSE, line);
      return { published: out.published?.slice(0, 10) ?? null, updated: out.updated?.slice(0, 10) ?? null };
    };
    assert.deepEqual(date("Posted: Fri 6:45 PM, Feb 16, 2018 |"), { published: "2018-02-16", updated: null });
    assert.deepEqual(date("November 18, 2019 | 4:10pm"), { published: "2019-11-18", updated: null });
    assert.deepEqual(date("기사입력 :[ 2018-08-25 15:24 ]"), { published: "2018-08-25", updated: null });
    assert.deepEqual(date("November 19, 2019 / 12:21 AM / Updated 14 hours ago"), { published: "2019-11-19", updated: null });
    assert.deepEqual(date("Published Wed, Nov 20 2019 4:29 AM EST Updated an hour ago"), { published: "2019-11-20", updated: null });
    assert.deepEqual(date("Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM"), { published: "2019-11-18", updated: "2019-11-18" });
    assert.deepEqual(date("Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT"), { published: "2019-11-18", updated: "2019-11-18" });
    // Stating only an update, the line leaves the publication unknown.
    assert.deepEqual(date("Updated 10:01 pm PST, Tuesday, November 19, 2019"), { published: null, updated: "2019-11-20" });
  });

  it("should date an article by a name and a date by its headline, and take no author from it", () => {
    for (const line of ["LinkNaija August 08, 2018", "August 08, 2018 Beachbody"]) {
      const out = extractFromText([...MENU, "Bridge closed to lorries after cracks found", line, ...PROSE].join("\n"));
      assert.equal(out.published, "2018-08-08", line);
      assert.deepEqual(out.authors, []);
      assert.deepEqual(out.body.map((b) => b.text), PROSE);
    }
  });

  it("should not take one of a gallery's captions above the date for the byline", () => {
    const out = extractFromText([...MENU, "2018 Boys State Swim Results", "Aidan Gantenbein 100 backstroke", "Miguel Bernal North Diving", "Ben Patton Trinity", "Feb 16, 2018", ...PROSE].join("\n"));
    assert.deepEqual(out.authors, []);
    assert.equal(out.published, "2018-02-16");
    const byline = extractFromText([...MENU, "2018 Boys State Swim Results", "Ben Patton", "Feb 16, 2018", ...PROSE].join("\n"));
    assert.deepEqual(byline.authors, ["Ben Patton"]);
  });

  it("should read a byline whose 'By' stands on a line of its own, after a standfirst and before the first paragraph", () => {
    const standfirst = "NFL assaults have led to lawsuits before. But a prosecutor would have difficulty proving a charge in court.";
    const out = extractFromText([...MENU, "Is Football Violence a Crime?", standfirst, "By", "Randy Maniloff", "Nov. 18, 2019 7:04 pm ET", ...PROSE].join("\n"));
    assert.equal(out.subtitle, standfirst);
    assert.deepEqual(out.authors, ["Randy Maniloff"]);
    assert.equal(out.published, "2019-11-19T00:04:00Z");
    assert.deepEqual(out.body.map((b) => b.text), PROSE);
    const late = extractFromText([...MENU, "Is Football Violence a Crime?", PROSE[0]!, "By", "Randy Maniloff", ...PROSE.slice(1)].join("\n"));
    assert.deepEqual(late.authors, ["Randy Maniloff"]);
    assert.equal(late.subtitle, PROSE[0]);
    assert.deepEqual(late.body.map((b) => b.text), PROSE.slice(1));
  });

  it("should not take a first paragraph opening with a dateline for a standfirst", () => {
    const lead = "HAYWARD, Calif. (AP) — The Latest on a deadly stabbing on a commuter train (all times local):";
    const out = extractFromText([...MENU, "The Latest: Man stabbed to death on Bay train", "Updated 10:01 pm PST, Tuesday, November 19, 2019", lead, ...PROSE].join("\n"));
    assert.equal(out.subtitle, null);
    assert.equal(out.dateline, "HAYWARD");
    assert.deepEqual(out.body.map((b) => b.text), [lead, ...PROSE]);
  });

  it("should not take an unpunctuated first line for a standfirst when the story's sentences go unpunctuated too", () => {
    const unpunctuated = PROSE.map((p) => p.replace(/\.$/, ""));
    const lead = "Chelsea have this morning paid the fee to the Spanish league to secure the signing of the keeper";
    const out = extractFromText([...MENU, "Chelsea sign record keeper", lead, ...unpunctuated].join("\n"));
    assert.equal(out.subtitle, null);
    assert.deepEqual(out.body.map((b) => b.text), [lead, ...unpunctuated]);
    const standfirst = extractFromText([...MENU, "Chelsea sign record keeper", lead, ...PROSE].join("\n"));
    assert.equal(standfirst.subtitle, lead);
  });
});

describe("splitOutletSuffix", () => {
  it("should split an outlet, with the site's sections before it, off a page title", () => {
    assert.deepEqual(splitOutletSuffix("Massive bomb kills 44 in Kurdish city | Jordan Times"), { title: "Massive bomb kills 44 in Kurdish city", outlet: "Jordan Times" });
    assert.deepEqual(splitOutletSuffix("Syria rebel infighting kills 45 fighters - Region - World - Ahram Online"), {
      title: "Syria rebel infighting kills 45 fighters",
      outlet: "Ahram Online",
    });
    assert.deepEqual(splitOutletSuffix("Deal reached on evacuation - Middle East - Reuters"), { title: "Deal reached on evacuation", outlet: "Reuters" });
  });

  it("should keep a title whose end is no outlet, or whose parts are more than sections", () => {
    for (const title of [
      "Talks resume in Geneva - Al Jazeera English - News",
      "Assad visits front line - Region - the old city - Ahram Online",
      "Ceasefire holds in the south - Region - World - Day Three",
    ]) {
      assert.deepEqual(splitOutletSuffix(title), { title, outlet: null });
    }
  });
});

describe("typeLine", () => {
  it("should take a line ending with a photo credit for a caption", () => {
    for (const line of [
      "Vicente Aguiar loads garage door trims into his pickup truck outside a Home Depot in Hialeah, Fla. (AP Photo/Alan Diaz, File)",
      "A cyclist rides next to a blocked petrol plant of Senkata in the outskirts of La Paz, Bolivia, November 19, 2019. © Reuters / David Mercado",
      "Rep. Ilhan Omar, D-Minn., speaks at the Capitol on July 25, 2019. J. Scott Applewhite / AP file",
      "(Image: © NASA/ESA/K. Retherford/SWRI)",
      "Natalie Naccache | Bloomberg | Getty Images",
      "Sanjeev Verma/Hindustan Times/Getty Images",
      "Photo by Kirk Irwin/Getty Images",
      "Image copyright Getty Images",
      "An image of President Yoon Suk Yeol is raised during a candlelight rally in Seoul on Thursday.Anthony Wallace / AFP - Getty Images",
      "Tunisian security forces secure the area after gunmen attacked the museum. Fethi Belaid/AFP/Getty Images",
      "‘Police brutality has magnified these protests,’ the report says. Photograph: AFP via Getty Images",
    ]) {
      assert.equal(typeLine(line, undefined, undefined).type, "caption", line);
    }
    for (const line of [
      "The agency said the photo (taken in 2016) was genuine and had not been altered in any way.",
      "The figures were first reported by Bloomberg and later confirmed by the ministry to AFP.",
      "Protesters gathered outside the embassy. Police said the crowd was peaceful - AP",
    ]) {
      assert.equal(typeLine(line, undefined, undefined).type, "paragraph", line);
    }
  });
});

describe("typeLine before a credit", () => {
  it("should take the line above a credit standing alone for the photo's caption", () => {
    for (const credit of ["(Image: © NASA/ESA/K. Retherford/SWRI)", "(Image credit: All About Space)", "Photo: Getty Images", "Natalie Naccache | Bloomberg | Getty Images", "Sakib Ali/Hindustan Times/Getty Images"]) {
      const line = "Burning crop stubble outside of Delhi is sending smoke into the city and harming air quality.";
      assert.equal(typeLine(line, PROSE[0], credit).type, "caption", credit);
    }
  });

  it("should leave a paragraph above a teaser, a sentence or a label as it is", () => {
    const line = "NASA Europa Mission Could Potentially Spot Signs of Alien Life";
    for (const next of ["Photos: Europa, Mysterious Icy Moon of Jupiter", "Photo: The photographer said the sky was blue. He left.", PROSE[1]!]) {
      assert.equal(typeLine(PROSE[0]!, undefined, next).type, "paragraph", next);
      assert.notEqual(typeLine(line, PROSE[0], next).type, "caption", next);
    }
    assert.equal(typeLine("The pictures show the following:", PROSE[0], "Photo: Getty Images").type, "paragraph");
    assert.equal(typeLine("Roughly 13,000 US troops remain in Afghanistan [File: Reuters]", PROSE[0], PROSE[1]).type, "caption");
    assert.equal(typeLine("Police stand guard outside the court [Omar Sobhani/Reuters]", PROSE[0], PROSE[1]).type, "caption");
    assert.equal(typeLine("The report [PDF] was published on Monday.", PROSE[0], PROSE[1]).type, "paragraph");
  });
});

describe("parseByline", () => {
  const read = (line: string, nearHeadline = true) => {
    const byline = parseByline(line, nearHeadline);
    return byline && { authors: byline.authors, published: byline.published?.iso.slice(0, 10) ?? null };
  };

  it("should read the names out of bylines with dates, handles, job titles and degrees", () => {
    assert.deepEqual(read("Dan Goodin - Apr 16, 2015 8:02 pm UTC"), { authors: ["Dan Goodin"], published: "2015-04-16" });
    assert.deepEqual(read("by Ahiza Garcia @ahiza_garcia February 1, 2016: 12:41 PM ET"), { authors: ["Ahiza Garcia"], published: "2016-02-01" });
    assert.deepEqual(read("Devindra Hardawar, @devindra"), { authors: ["Devindra Hardawar"], published: null });
    assert.deepEqual(read("By Erin Cunningham March 18 at 3:57 PM  Follow @erinmcunningham"), { authors: ["Erin Cunningham"], published: null });
    assert.deepEqual(read("By Brenda Goodman, MA"), { authors: ["Brenda Goodman"], published: null });
    assert.deepEqual(read("By Meg James Staff Writer"), { authors: ["Meg James"], published: null });
    assert.deepEqual(read("By Kashmira Gander On 11/13/19 at 4:00 PM EST"), { authors: ["Kashmira Gander"], published: "2019-11-13" });
  });

  it("should read a byline with a colon after 'By', or in a list item", () => {
    assert.deepEqual(read("By: Laurie Oakes", false), { authors: ["Laurie Oakes"], published: null });
    assert.deepEqual(read("• by: Laurie Oakes", false), { authors: ["Laurie Oakes"], published: null });
    assert.equal(read("Bystanders: dozens gathered", false), null);
  });

  it("should read a date before the name, and no site account for an author", () => {
    assert.deepEqual(read("on March 10, 2015 by Nikhil Marathe"), { authors: ["Nikhil Marathe"], published: "2015-03-10" });
    assert.deepEqual(read("Posted on April 4 2017 by Asharq Al-Awsat English", false), { authors: ["Asharq Al-Awsat English"], published: "2017-04-04" });
    assert.deepEqual(read("By admin - 2018-09-16"), { authors: [], published: "2018-09-16" });
    assert.equal(read("on the front line by the river"), null);
  });

  it("should read a date line followed by the name, without 'on'", () => {
    assert.deepEqual(read("Monday November 18, 2019 7:45 am PST by Joe Rossignol", false), { authors: ["Joe Rossignol"], published: "2019-11-18" });
    assert.equal(read("Five people were hurt by the blast", false), null);
    assert.equal(read("In November 2019 by the river", false), null);
  });

  it("should take an unprefixed line for a byline only beside a date, an outlet or a handle", () => {
    assert.equal(read("Aleppo Syria"), null);
    assert.equal(read("Dan Goodin"), null);
    assert.equal(read("Dan Goodin - Apr 16, 2015", false), null);
    assert.deepEqual(read("Hussein Alkhattab - 7Dnews Syria"), { authors: ["Hussein Alkhattab"], published: null });
  });

  it("should not take a photographer's credit by the headline for a byline", () => {
    assert.equal(read("Alex Wong | Getty Images"), null);
    assert.equal(read("Jane Doe - Shutterstock"), null);
    assert.deepEqual(read("By Amy Kuperinsky | NJ Advance Media for NJ.com"), { authors: ["Amy Kuperinsky"], published: null });
  });
});

describe("bareNameByline", () => {
  it("should take a name alone by the headline when a job title or date follows, or the page signs it elsewhere", () => {
    assert.equal(bareNameByline(["Ben Silverman", "Games Editor", "Yahoo Finance"], 0), "Ben Silverman");
    assert.equal(bareNameByline(["Mama Robotnik", "Nov 9, 2013"], 0), "Mama Robotnik");
    assert.equal(bareNameByline(["Written by Patrick Allan", "Headline here", "Patrick Allan", "Profile"], 2), "Patrick Allan");
  });

  it("should take a name alone over a time stamp, but read no date from the stamp", () => {
    assert.equal(bareNameByline(["Adam Clark Estes", "Monday 5:30PM"], 0), "Adam Clark Estes");
    assert.equal(bareNameByline(["Adam Clark Estes", "3 hours ago"], 0), "Adam Clark Estes");
    assert.deepEqual(findDates("Monday 5:30PM"), []);
  });

  it("should not take a menu item or a section label that the page repeats", () => {
    assert.equal(bareNameByline(["Legal Notices", "Email Newsletters", "Obituaries", "Email Newsletters"], 1), null);
    assert.equal(bareNameByline(["Marie Colvin", "Reporters remember a colleague"], 0), null);
  });
});

describe("furnitureReason / isCommentsHeader", () => {
  it("should recognise consent banners, skip links and comment headers", () => {
    assert.equal(furnitureReason("We use cookies and similar technologies to improve your browsing experience, personalise content and offers. By clicking Accept and Continue you consent to their use."), "consent");
    assert.equal(furnitureReason("Skip to contentSkip to site index"), "navigation");
    assert.ok(isCommentsHeader("[ 167 comments ]"));
    assert.ok(isCommentsHeader("Top Rated Comments"));
    assert.ok(!isCommentsHeader("Comments from the minister drew criticism from the opposition."));
  });

  it("should recognise advertising breaks, sharing prompts and a site's own teasers", () => {
    assert.equal(furnitureReason("Continue Reading Below"), "navigation");
    assert.equal(furnitureReason("Story continues below"), "navigation");
    assert.equal(furnitureReason("Like this story? Share it with a friend!"), "navigation");
    assert.equal(furnitureReason("Submit to Stumbleupon (Opens in new window)"), "navigation");
    assert.equal(furnitureReason("Click to email this to a friend (Opens in new window)"), "navigation");
    assert.equal(furnitureReason("@BryanDeArdo"), "social-handle");
    assert.equal(furnitureReason("Print This Article Share it With Friends"), "share-links");
    for (const line of ["Thanks for signing up!", "Keep an eye on your inbox for the latest sports news.", "Please check the opt-in box to acknowledge that you would like to subscribe.", "There was an error processing your subscription."]) {
      assert.equal(furnitureReason(line), "prompt", line);
    }
    assert.equal(furnitureReason("SEE MORE: Hong Kong protests: 800 students under siege in university"), "read-also");
    // Ordinary sentences with the same words.
    assert.equal(furnitureReason("Rebels opened a new window for talks on Tuesday."), null);
    assert.equal(furnitureReason("Thanks for the help, the mayor told reporters."), null);
    assert.equal(furnitureReason("@ the checkpoint"), null);
    assert.equal(furnitureReason("GET FOX BUSINESS ON THE GO BY CLICKING HERE"), "prompt");
    assert.equal(furnitureReason("Also on rt.com Journalists & politicians from Morales’ party threatened with sedition arrests"), "read-also");
    assert.equal(furnitureReason("Also on Tuesday, the council met again to discuss the bridge."), null);
    assert.equal(furnitureReason("Get breaking news alerts and special reports. The news and stories that matter, delivered weekday mornings."), "prompt");
    assert.equal(furnitureReason("Let our news meet your inbox."), "prompt");
    assert.equal(furnitureReason("Breaking News Emails"), "navigation");
    assert.equal(furnitureReason("Breaking news emails from the ministry were leaked to reporters on Monday, officials said."), null);
  });

  it("should recognise what a subscription form says once sent, and its small print", () => {
    for (const line of [
      "You have succesfully subscribed. Thank you!",
      "An email with an activation link has just been sent to your email address. Please activate your subscription by clicking on the activation link inside the email.",
      "No spam, we promise. You can unsubscribe at any time and we'll never share your details without your permission.",
      "Thank you for signing up! Check your inbox to confirm your email address.",
    ]) {
      assert.equal(furnitureReason(line), "prompt", line);
    }
    assert.equal(furnitureReason("The group said thousands had subscribed to its channel since the war began, and the numbers were still growing."), null);
  });

  it("should recognise where a text browser printed an image", () => {
    assert.equal(furnitureReason("Image[merlin_150]"), "image");
    assert.equal(furnitureReason("[image]"), "image");
    assert.equal(furnitureReason("Image rights were sold to a local paper."), null);
  });

  it("should recognise sharing controls, but not a sentence that begins like one", () => {
    for (const line of ["Copy Link URL Copied!", "Show more sharing options", "Share Close extra sharing options", "Email this story"]) {
      assert.equal(furnitureReason(line), "share-links", line);
    }
    assert.equal(furnitureReason("Share prices fell sharply on Monday."), null);
    assert.equal(furnitureReason("Print edition"), null);
  });

  it("should not take a long article line that ends with a site footer for a banner", () => {
    const line = `${PROSE.join(" ").repeat(6)} Contact Us Terms of Use Privacy Policy Cookie Policy`;
    assert.equal(furnitureReason(line), null);
  });
});

describe("findDates", () => {
  // Opening formats of the FA-KES articles, one of each kind.
  const cases: [string, string][] = [
    ["Wed 05 Apr 2017 Syria attack symptoms", "2017-04-05"],
    ["Fri 07 Apr 2017 at 0914 Homs governor says", "2017-04-07"],
    ["21 Jul 2016 Dozens of civilians", "2016-07-21"],
    ["5 Sep 2016 At least 42 people", "2016-09-05"],
    ["Date of publication 7 October 2016 An air raid", "2016-10-07"],
    ["Last updated at Jul 282016 QAMISHLI Syria", "2016-07-28"],
    ["Last updated at Aug 012016 BEIRUT", "2016-08-01"],
    ["Monday 21 November 2016 Syrian Coalition", "2016-11-21"],
    ["Thursday 31 July 2014 10:59 Syrian Coalition", "2014-07-31"],
    ["Friday 19 Aug 2016 Syria regime pounds", "2016-08-19"],
    ["08.04.2017(updated 1954 08.04.2017) Get short URL", "2017-04-08"],
    ["21.08.2013Get short URL 0 0 0 Syrian regime forces", "2013-08-21"],
    ["Published November 13 2017 A Syrian war monitoring group", "2017-11-13"],
    ["Posted on April 4 2017 by Asharq Al-Awsat English", "2017-04-04"],
    ["28-08-2016 Syrian Army Kills 18 ISIL Terrorists", "2016-08-28"],
    ["Mon Jul 18 2016 Syrian Army Kills 10 Terrorists", "2016-07-18"],
    ["Wed Jun 1 2016 At Least 10 Civilians", "2016-06-01"],
    ["August 13 2016 2037 UTC+3 A representative", "2016-08-13"],
    ["Fri, 03 Aug 2018 21:55 GMT", "2018-08-03"],
    ["By AFP - Aug 01,2018 - Last updated at Aug 01,2018", "2018-08-01"],
  ];
  for (const [text, iso] of cases) {
    it(`should read "${text.slice(0, 40)}"`, () => {
      const found = findDates(text)[0];
      assert.ok(found, `no date in ${text}`);
      assert.equal(found.iso.slice(0, 10), iso);
      assert.equal(text.slice(found.index, found.index + found.text.length), found.text);
    });
  }

  it("should not read relative or partial dates", () => {
    assert.deepEqual(findDates("Subscribe - 30 days free"), []);
    assert.deepEqual(findDates("on Tuesday in March 2016"), []);
  });

  it("should never return a day the calendar does not have, however the text runs on", () => {
    assert.deepEqual(findDates("29February 1999Jan"), []);
    assert.deepEqual(findDates("31 April 2016Updated"), []);
    assert.equal(findDates("29February 2016Jan")[0]?.iso, "2016-02-29");
  });

  it("should not take a four-digit clock before a date for a year", () => {
    const found = findDates("Middle East 1735 15.04.2017(updated 2033 15.04.2017) Get short URL");
    assert.deepEqual(found.map((d) => d.iso), ["2017-04-15", "2017-04-15"]);
  });

  it("should tell whether a stated weekday is the date's own", () => {
    assert.equal(weekdayAgrees(findDates("Friday 23 Aug 2013")[0]!), true);
    assert.equal(weekdayAgrees(findDates("Fri, 03 Aug 2018 21:55 GMT")[0]!), true);
    assert.equal(weekdayAgrees(findDates("Monday 23 Aug 2013")[0]!), false);
    assert.equal(weekdayAgrees(findDates("23 Aug 2013")[0]!), false);
  });

  it("should skip slashed dates whose day and month could be swapped", () => {
    assert.deepEqual(findDates("05/04/2017"), []);
    assert.deepEqual(findDates("9/11/13 10:00AM"), []);
    assert.deepEqual(findDates("Posted 11/9/2013 at 10:00 AM"), []);
    assert.equal(findDates("25/11/13 10:00AM")[0]?.iso, "2013-11-25");
    assert.equal(findDates("25/04/2017")[0]?.iso, "2017-04-25");
  });
});

describe("extractFromText on FA-KES style articles", () => {
  it("should read a date that follows the repeated headline and a source label", () => {
    const out = extractFromText(
      "18 dead in IS attack on Kurd-held Syria town\n\n18 dead in IS attack on Kurd-held Syria town Monitor AFP Thursday 30 Jan 2014 At least 18 people were killed when the group attacked the town, a monitor said.",
    );
    assert.equal(out.published, "2014-01-30");
    assert.match(out.body[0]!.text, /^At least 18 people/);
  });

  it("should take a date followed by an update in brackets for the publication date, and the bracketed one for the update", () => {
    const out = extractFromText(
      "Russian Forces Destroy Command Post in Syria\n\n07.10.2017(updated 1500 09.10.2017) Get short URL Russias Defense Ministry has reported the elimination of a command position in the Al Mayadin district.",
    );
    assert.equal(out.published, "2017-10-07");
    assert.equal(out.updated, "2017-10-09");
    assert.match(out.body[0]!.text, /^Russias Defense Ministry/);
  });

  it("should split the outlet and its sections off a page title, then read the date after the repeated headline", () => {
    const out = extractFromText(
      "Car bomb kills at least 34 in Syrias Hama State media - Region - World - Ahram Online\n\nCar bomb kills at least 34 in Syrias Hama State media AFP Friday 20 Jun 2014 A car bomb killed at least 34 people on Friday in a government-controlled village.",
    );
    assert.equal(out.title, "Car bomb kills at least 34 in Syrias Hama State media");
    assert.equal(out.publisher, "Ahram Online");
    assert.equal(out.published, "2014-06-20");
    assert.match(out.body[0]!.text, /^A car bomb killed/);
  });

  it("should read a standfirst and an agency's dated credit after the repeated headline, only when the weekday agrees", () => {
    const page = (credit: string) =>
      `Suicide bomber kills six in Syria restaurant\n\nSuicide bomber kills six in Syria restaurant Suicide bombing at a graduation party kills six and wounds 19 says monitoring group ${credit} A suicide bombing in a restaurant in Aleppo killed six people on Thursday.`;
    const out = extractFromText(page("AFP Friday 23 Aug 2013"));
    assert.equal(out.subtitle, "Suicide bombing at a graduation party kills six and wounds 19 says monitoring group");
    assert.equal(out.published, "2013-08-23");
    assert.match(out.body[0]!.text, /^A suicide bombing in a restaurant/);
    // 23 August 2013 was a Friday: a Monday there is no dateline to trust.
    const wrong = extractFromText(page("AFP Monday 23 Aug 2013"));
    assert.equal(wrong.published, null);
    assert.equal(wrong.subtitle, null);
    assert.match(wrong.body[0]!.text, /^Suicide bombing at a graduation party/);
  });

  it("should read the header past a flag before the repeated headline ('UPDATED', 'BREAKING:')", () => {
    for (const flag of ["UPDATED", "BREAKING:"]) {
      const out = extractFromText(
        `Suicide attack on Syria wedding kills 32 Medical source\n\n${flag} Suicide attack on Syria wedding kills 32 Medical source AFP Monday 3 Oct 2016 A suicide bomber has struck a wedding in northeast Syria as the bride and groom were exchanging vows.`,
      );
      assert.equal(out.published, "2016-10-03", flag);
      assert.match(out.body[0]!.text, /^A suicide bomber has struck/);
      assert.ok(out.removed.some((r) => r.text === flag && r.reason === "story-flag"));
    }
  });

  it("should not take a date inside the story for a dateline after a standfirst", () => {
    const out = extractFromText(
      "Rebels shell the city centre\n\nRebels shell the city centre. The attack came after talks failed and the army said Reuters Friday 23 Aug 2013 was the day it began shelling the area.",
    );
    assert.equal(out.published, null);
    assert.equal(out.subtitle, null);
  });

  it("should read an agency's dated credit opening the first paragraph, but no other leading words", () => {
    const credited = extractFromText(
      "Aleppo tunnel blast killed 38 regime forces\n\nAFP Friday 22 Jul 2016 Aleppo tunnel blast killed 38 regime forces. A tunnel bomb under a military position killed 38 soldiers, a monitor said.",
    );
    assert.equal(credited.published, "2016-07-22");
    assert.match(credited.body[0]!.text, /^A tunnel bomb/);
    const story = extractFromText(
      "Aleppo tunnel blast killed 38 regime forces\n\nOn Friday 22 Jul 2016 a tunnel bomb under a military position killed 38 soldiers, a monitor said.",
    );
    assert.equal(story.published, null);
  });

  it("should take share controls and their counters off the start of the first paragraph, but no number of the story", () => {
    const first = (text: string) => extractFromText(`Strike kills 20 civilians in Raqqa\n\n${text}`).body[0]!.text;
    assert.equal(first("28.05.2017(updated 1549 28.05.2017) Get short URL 6319 An airstrike killed 20 civilians."), "An airstrike killed 20 civilians.");
    assert.equal(first("Get short URL Topic Battle Against Daesh in Syria (180) 0 54 The Kurdish-led forces advanced."), "The Kurdish-led forces advanced.");
    assert.equal(first("Print Tweet Views 1662 An Islamic State car bomb killed 20 people."), "An Islamic State car bomb killed 20 people.");
    assert.equal(first("Get short URL 0 85 12 Daesh fighters were killed near the town."), "0 85 12 Daesh fighters were killed near the town.");
    assert.equal(first("Share prices fell sharply in Damascus on Monday."), "Share prices fell sharply in Damascus on Monday.");
  });

  it("should take a date line with a reading time and a lone handle out of the header", () => {
    const out = extractFromText(["Strike kills 20 civilians in Raqqa", "by Jane Roe", "@janeroe", "Nov 18, 2019 at 9:24 pm ET • 2 min read", ...PROSE].join("\n\n"));
    assert.deepEqual(out.authors, ["Jane Roe"]);
    assert.equal(out.published, "2019-11-19T02:24:00Z");
    assert.equal(out.body[0]!.text, PROSE[0]);
  });

  it("should drop the teasers under a 'More:' label inside the article, and keep the paragraphs after them", () => {
    const teasers = ["More:", "Afghan woman politician sees Taliban talks as only hope", "China invites Taliban, Afghan officials for two-day talks"];
    const out = extractFromText(["Strike kills 20 civilians in Raqqa", PROSE[0]!, ...teasers, PROSE[1]!, PROSE[2]!].join("\n\n"));
    assert.deepEqual(
      out.body.map((b) => b.text),
      PROSE,
    );
    assert.deepEqual(
      out.removed.filter((r) => r.reason === "related-links").map((r) => r.text),
      teasers,
    );
  });

  it("should end the article at a 'latest stories' block in its second half", () => {
    const out = extractFromText(["Strike kills 20 civilians in Raqqa", ...PROSE, "Our Latest Stories", "Rebels shell the old city as talks stall in Geneva once again this week", PROSE[0]!.replace("council", "county")].join("\n\n"));
    assert.equal(out.body.length, PROSE.length);
  });

  it("should prefer the line that is the page's title for the headline, even when it addresses the reader", () => {
    const lines = [
      "The Future of Banking Is … You're Broke | WIRED",
      ...MENU,
      "The Future of Banking Is … You're Broke",
      ...MENU,
      "Molly Woo d",
      "Idea s",
      "11.14.2019 09:00 AM",
      "The Future of Banking Is … You're Broke",
      "Our present financial ruin is being turned into a business model.",
      ...PROSE,
    ];
    assert.equal(extractFromText(lines.join("\n\n")).title, "The Future of Banking Is … You're Broke");
  });

  it("should prefer the line that is the page's title over a teaser right above the body", () => {
    const lines = [
      "13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020 - MacRumors",
      ...MENU,
      '16" MacBook Pro Now Available',
      "16-Inch MacBook Pro: Magic Keyboard, Physical Esc Key, Up to 64GB of RAM, and More",
      "First Impressions Praise Scissor Keyboard, Larger Display",
      "Mac Pro Shipping in December",
      "13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020",
      "Monday November 18, 2019 7:45 am PST by Joe Rossignol",
      "Following the 16-inch MacBook Pro, Apple plans to release a new 13-inch MacBook Pro with a scissor switch keyboard in the first half of 2020, according to a report.",
      ...PROSE,
    ];
    const out = extractFromText(lines.join("\n"));
    assert.equal(out.title, "13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020");
    assert.deepEqual(out.authors, ["Joe Rossignol"]);
    assert.match(out.body[0]!.text, /^Following the 16-inch/);
  });

  it("should read a byline between a leading date and the repeated headline", () => {
    const out = extractFromText(
      "MSF says chemical weapons used in Hama\n\nPosted on April 2 2017 by Youssef Diab MSF says chemical weapons used in Hama Beirut Doctors Without Borders accused the regime of using chemical weapons.",
    );
    assert.deepEqual(out.authors, ["Youssef Diab"]);
    assert.equal(out.published, "2017-04-02");
    assert.match(out.body[0]!.text, /^Beirut Doctors Without Borders/);
  });

  it("should take no teaser under a 'You may also like' heading for the standfirst", () => {
    const page = (...between: string[]) => extractFromText(["The Spectacular Story Of Metroid - Kotaku", ...MENU, "The Spectacular Story Of Metroid", ...between, ...PROSE].join("\n"));
    const teaser = "Trump Shocked to Learn 3M Selling Masks Overseas After Deal";
    const teased = page("You may also like", teaser, "Gizmodo");
    assert.equal(teased.subtitle, null);
    assert.ok(teased.removed.some((r) => r.text === teaser));
    // The same line right under the headline is its standfirst.
    assert.equal(page(teaser).subtitle, teaser);
  });

  it("should read a name with its time stamp just above the body, below teasers and their own bylines", () => {
    const teasers = ["You may also like", "Trump Shocked to Learn 3M Selling Masks Overseas", "Gizmodo", "Matt Novak", "Today 7:30AM", "Here's When You'll Get Your Coronavirus Relief Check", "Two Cents", "Lisa Rowan", "An hour ago"];
    const page = (...header: string[]) => extractFromText(["The Spectacular Story Of Metroid - Kotaku", ...MENU, "The Spectacular Story Of Metroid", ...teasers, "Subscribe To Our Newsletter", ...header, ...PROSE].join("\n"));
    const out = page("Mama Robotnik", "9/11/13 10:00AM", "•", "Filed to:metroid", "158");
    assert.deepEqual(out.authors, ["Mama Robotnik"]);
    assert.ok(out.removed.some((r) => r.text === "Mama Robotnik" && r.reason === "byline"));
    // Day and month could be either: the stamp names no date.
    assert.equal(out.published, null);
    // Without a stamp, or with a longer line between the stamp and the body, the name is not taken.
    assert.deepEqual(page("Mama Robotnik", "•", "Filed to:metroid").authors, []);
    assert.deepEqual(page("Mama Robotnik", "9/11/13 10:00AM", "Nintendo's Metroid series turns thirty this year").authors, []);
    // Nor is a teaser's name, though it has a stamp: the next teaser follows it, not the body.
    assert.deepEqual(page().authors, []);
  });

  it("should read a byline between two prints of the headline, above the one over the body", () => {
    const headline = "How to Program Your Mind to Stop Buying Crap You Don't Need";
    const header = ["36", "Patrick Allan", "ProfileFollowUnfollow", "[gzonxhes6b]", "Patrick Allan", "Filed to: money", "• shopping", "• saving money", "3/09/15 8:00am", "• Edit", "• Delete", "• Share to Facebook"];
    const page = (...above: string[]) => extractFromText([`${headline} - Lifehacker`, ...MENU, ...above, ...header, headline, ...PROSE, "Written by Patrick Allan"].join("\n"));
    const out = page(headline);
    assert.equal(out.title, headline);
    assert.deepEqual(out.authors, ["Patrick Allan"]);
    assert.match(out.body[0]!.text, /^The council voted/);
    // Printed once, the lines above it are the site's; so are they below the page's title, its first line.
    assert.deepEqual(page().authors, []);
    assert.deepEqual(extractFromText([headline, ...MENU, ...header, headline, ...PROSE, "Written by Patrick Allan"].join("\n")).authors, []);
  });

  it("should take a publisher's pitches off the article's end and start, but no paragraph that only speaks of signing up", () => {
    const magazine = "Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here for more information.";
    const newsletter = "There's plenty more where that came from. Sign up for The Water Coolest today to get the free daily newsletter delivered to your inbox daily.";
    const forums = "Join our Space Forums to keep talking space on the latest missions, night sky and more!";
    const breaking = "Get breaking space news and the latest updates on rocket launches, skywatching events and more!";
    const page = (...body: string[]) => extractFromText(["Bridge closed to lorries - Acme News", ...MENU, "Bridge closed to lorries", ...body].join("\n"));
    const out = page(newsletter, ...PROSE, forums, breaking);
    assert.deepEqual(out.body.map((b) => b.text), PROSE);
    assert.deepEqual(out.removed.filter((r) => r.reason === "prompt").map((r) => r.text), [newsletter, forums, breaking]);
    assert.deepEqual(page(...PROSE, magazine).body.map((b) => b.text), PROSE);
    // Inside the article, or not calling the reader to act, such a sentence is the story's.
    assert.deepEqual(page(PROSE[0]!, magazine, ...PROSE.slice(1), PROSE[0]!, PROSE[1]!, PROSE[2]!).body.length, 7);
    const trial = "If you just want Disney+, you can sign up for a free 7-day trial. Afterwards you'll pay $6.99 per month for the subscription.";
    assert.equal(page(...PROSE, trial).body.at(-1)!.text, trial);
  });

  it("should not take a date that closes a bracket cut off at its start for the publication date", () => {
    const out = extractFromText("Eight civilians killed in airstrike near Raqqa\n\n30.04.2017) Get short URL 3214 An airstrike killed eight civilians near Raqqa.");
    assert.equal(out.published, null);
    assert.equal(out.body[0]!.text, "An airstrike killed eight civilians near Raqqa.");
  });

  it("should read a date line broken in two after its day", () => {
    const page = (day: string, rest: string) => extractFromText([...MENU, "Deportees return home", day, rest, "by India Post News Weekly", ...PROSE].join("\n"));
    const broken = page("November 20", "15:23 2019");
    assert.equal(broken.published, "2019-11-20");
    assert.equal(broken.subtitle, null);
    assert.deepEqual(broken.removed.filter((r) => r.reason === "date").map((r) => r.text), ["November 20", "15:23 2019"]);
    // A day whose next line goes on in words is no date line.
    assert.equal(page("November 20", "2019 was a hard year for the families who came back.").published, null);
  });

  it("should leave the publication date empty and say why when the text states several", () => {
    const out = extractFromText(
      `Title of the story here\n\nPublished 3 May 2016\n\nPublished 9 June 2016\n\n${PROSE.join("\n\n")}`,
    );
    assert.equal(out.published, null);
    assert.ok(out.warnings.some((w) => /several dates/.test(w)));
  });
});

describe("checkFolder", () => {
  it("should report fields, removed lines with reasons, warnings and a summary", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "clippings-check-"));
    try {
      await writeFile(
        path.join(dir, "a.txt"),
        `You are here\nBridge closed to lorries after cracks found\nBy AFP - Aug 01,2018\n${PROSE.join("\n")}\n`,
      );
      await writeFile(path.join(dir, "b.txt"), PROSE[0]!);
      const lines: string[] = [];
      const summary = await checkFolder(dir, (line) => lines.push(line));
      const report = lines.join("\n");
      assert.equal(summary.files, 2);
      assert.equal(summary.withoutDate, 1);
      assert.match(report, /title {6}Bridge closed to lorries after cracks found/);
      assert.match(report, /published {2}2018-08-01/);
      assert.match(report, /removed {4}navigation \(1\)\n {4}- You are here/);
      assert.match(report, /warning {4}no publication date stated/);
      assert.match(lines.at(-1)!, /^Checked 2 files .*1 without a publication date/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
