import { describe, expect, it } from "vitest";
import type { PseudonymTerm } from "../../shared/api/safety-api.ts";
import { Pseudonymiser, type PseudonymiseSettings } from "../../shared/text/pseudonymise.ts";

const DEFAULTS = { ignoreCase: true, wholeWords: true, emails: false, phones: false, urls: false };

function replace(
  text: string,
  terms: readonly PseudonymTerm[] | Record<string, string>,
  options: Partial<PseudonymiseSettings> = {},
): string {
  const list = Array.isArray(terms)
    ? terms
    : Object.entries(terms).map(([find, replace]) => ({ find, replace }));
  return new Pseudonymiser({ ...DEFAULTS, ...options, terms: list }).apply(text).text;
}

describe("replacing names from a list", () => {
  it("replaces whole words only, by default", () => {
    expect(replace("Ann met Annual Ann.", { Ann: "[name 1]" })).toBe(
      "[name 1] met Annual [name 1].",
    );
  });

  it("ignores case by default, also outside ASCII", () => {
    expect(replace("ÉLODIE and élodie", { Élodie: "E." })).toBe("E. and E.");
    expect(replace("ΝΊΚΟΣ said Νίκος", { νίκος: "N." })).toBe("N. said N.");
    expect(replace("ДМИТРИЙ, дмитрий", { Дмитрий: "D." })).toBe("D., D.");
    expect(replace("İstanbul", { istanbul: "City" })).toBe("City");
  });

  it("matches case exactly when asked", () => {
    expect(replace("Rose and rose", { Rose: "R." }, { ignoreCase: false })).toBe("R. and rose");
  });

  it("knows word boundaries in Greek, Cyrillic and accented Latin", () => {
    expect(replace("Νίκοςα Νίκος", { Νίκος: "N" })).toBe("Νίκοςα N");
    expect(replace("Иванов Ивановский", { Иванов: "I" })).toBe("I Ивановский");
    expect(replace("Renée Renéek", { Renée: "R" })).toBe("R Renéek");
    // A combining accent belongs to the letter before it: "René" + U+0301 is not "Rene".
    expect(replace("Rene\u0301 Rene", { Rene: "R" })).toBe("Rene\u0301 R");
  });

  it("treats emoji as the end of a word, and finds a term that is an emoji", () => {
    expect(replace("Anna😀 and 👍🏽Anna", { Anna: "[A]" })).toBe("[A]😀 and 👍🏽[A]");
    expect(replace("x😀y", { "😀": ":)" })).toBe("x:)y");
  });

  it("replaces inside words when asked", () => {
    expect(replace("Annual Ann", { Ann: "X" }, { wholeWords: false })).toBe("Xual X");
  });

  it("prefers the longest term where terms overlap, then the leftmost", () => {
    const terms = { Anna: "[A]", "Anna Maria": "[AM]", "Maria Schmidt Jones": "[MSJ]" };
    expect(replace("Anna Maria came", terms)).toBe("[AM] came");
    expect(replace("Anna Maria Schmidt Jones", terms)).toBe("[A] [MSJ]");
  });

  it("never searches a pseudonym again", () => {
    expect(replace("Anna and Bea", { Anna: "Bea", Bea: "Cleo" })).toBe("Bea and Cleo");
  });

  it("counts each term, listing a term never found with 0", () => {
    const p = new Pseudonymiser({
      ...DEFAULTS,
      terms: [
        { find: "Anna", replace: "A" },
        { find: "Zed", replace: "Z" },
      ],
    });
    p.apply("Anna, anna");
    p.apply("ANNA");
    expect(p.replacements).toBe(3);
    expect(p.byTerm()).toEqual([
      { find: "Anna", replace: "A", count: 3 },
      { find: "Zed", replace: "Z", count: 0 },
    ]);
  });

  it("refuses an empty pseudonym: a coded name would leave nothing to point at", () => {
    expect(() => replace("Anna", { Anna: "" })).toThrow(/empty pseudonym/);
  });

  it("stays fast with 10,000 names: one matcher, not one pass per name", () => {
    const terms = Array.from({ length: 10_000 }, (_, i) => ({
      find: `Name${i} Surname${i % 97}`,
      replace: `[name ${i + 1}]`,
    }));
    const started = performance.now();
    const p = new Pseudonymiser({ ...DEFAULTS, terms });
    const answer = "Yesterday name42 surname42 met Name9999 Surname8 and somebody else. ".repeat(
      20,
    );
    let out = "";
    for (let i = 0; i < 2_000; i++) out = p.apply(answer).text;
    expect(out.startsWith("Yesterday [name 43] met [name 10000] and")).toBe(true);
    expect(performance.now() - started).toBeLessThan(4_000);
  });
});

describe("e-mail addresses, telephone numbers and web addresses", () => {
  const all = { emails: true, phones: true, urls: true };

  it("replaces e-mail addresses whole, not the name inside them", () => {
    expect(replace("Write to anna.s@example.org.", { Anna: "[A]" }, all)).toBe("Write to [email].");
    expect(replace("mailto:x@ünï.de and x@y", {}, all)).toBe("[email] and x@y");
  });

  it("replaces web addresses, leaving the sentence's punctuation", () => {
    expect(replace("See https://example.org/a?b=1. Or (www.example.com/x).", {}, all)).toBe(
      "See [url]. Or ([url]).",
    );
    expect(replace("the wiki (https://en.wikipedia.org/wiki/Foo_(bar)) says", {}, all)).toBe(
      "the wiki ([url]) says",
    );
  });

  it("replaces telephone numbers in international and local forms", () => {
    const phones = [
      "+44 20 7946 0958",
      "+33 (0)1 23 45 67 89",
      "0044 20 7946 0958",
      "020 7946 0958",
      "(555) 123-4567",
      "555-123-4567",
      "06 12 34 56 78",
      "0171/1234567",
      "+491711234567",
      "01711234567",
      "030.123.4567",
    ];
    for (const phone of phones) {
      expect(replace(`call ${phone}, please`, {}, all), phone).toBe("call [phone], please");
    }
  });

  it("leaves dates, years, amounts and ids alone", () => {
    const others = [
      "12.03.2024",
      "2024-03-12",
      "12/03/2024",
      "2019",
      "2019-2021",
      "1990 - 2000",
      "1 000 000",
      "2.500.000",
      "ORG-12",
      "R-2019-0042",
      "12345678",
      "15 of 45",
      "v1.2.3",
    ];
    for (const text of others)
      expect(replace(`in ${text} we`, {}, all), text).toBe(`in ${text} we`);
  });
});
