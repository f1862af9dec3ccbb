import { describe, expect, it } from "vitest";
import { findHits } from "../../shared/search/match.ts";
import { parseQuery } from "../../shared/search/query.ts";
import { fold, indexWords, tokenize } from "../../shared/search/tokenize.ts";

/** The hits of a query in a text, as the matched strings. */
function hits(query: string, text: string): string[] {
  return findHits(parseQuery(query), text).map((span) => text.slice(span.start, span.end));
}

describe("splitting an answer into words", () => {
  it("makes no word of an emoji's variation selector or a stray accent", () => {
    expect(tokenize("❤️ love \u0301 it").map((t) => t.word)).toEqual(["love", "it"]);
  });

  it("gives each word its offsets in the original text, folded", () => {
    expect(tokenize("Évaluation, c'est 2024!")).toEqual([
      { start: 0, end: 10, word: "evaluation", cjk: false },
      { start: 12, end: 13, word: "c", cjk: false },
      { start: 14, end: 17, word: "est", cjk: false },
      { start: 18, end: 22, word: "2024", cjk: false },
    ]);
  });

  it("keeps a letter and its combining accent together", () => {
    const text = "cafe\u0301 noir";
    expect(tokenize(text).map((t) => [t.word, text.slice(t.start, t.end)])).toEqual([
      ["cafe", "cafe\u0301"],
      ["noir", "noir"],
    ]);
  });

  it("reads Cyrillic words as words", () => {
    expect(tokenize("Проблема с ОПЛАТОЙ.").map((t) => t.word)).toEqual([
      "проблема",
      "с",
      "оплатои",
    ]);
  });

  it("makes each Chinese or Japanese character a word of its own", () => {
    const tokens = tokenize("东京的医院 ok カタカナ");
    expect(tokens.map((t) => t.word)).toEqual([
      "东",
      "京",
      "的",
      "医",
      "院",
      "ok",
      "カ",
      "タ",
      "カ",
      "ナ",
    ]);
    expect(tokens.slice(0, 5).every((t) => t.cjk)).toBe(true);
    expect(tokens[5]).toEqual({ start: 6, end: 8, word: "ok", cjk: false });
  });

  it("gives the index the folded words one space apart", () => {
    expect(indexWords("Straße — ÉCOLE; 東京")).toBe("strasse ecole 東 京");
  });
});

describe("folding case and accents away", () => {
  it.each([
    ["Évaluation", "evaluation"],
    ["Straße", "strasse"],
    ["STRASSE", "strasse"],
    ["Øresund", "oresund"],
    ["Łódź", "lodz"],
    ["Đorđe", "dorde"],
    ["Æsir", "aesir"],
    ["Œuvre", "oeuvre"],
    ["İstanbul", "istanbul"],
    ["ıspanak", "ispanak"],
    ["ﬁnance", "finance"],
    ["Ёлка", "елка"],
    ["ΟΔΟΣ", "οδοσ"],
  ])("%s is %s", (word, folded) => {
    expect(fold(word)).toBe(folded);
  });

  it("keeps kana voicing marks, which change the word", () => {
    expect(fold("ガ")).toBe("ガ");
    expect(fold("ｶﾞ")).toBe("ガ");
  });
});

describe("matching a query against an answer", () => {
  const text = "The new York office. I love New York, new and old york.";

  it("finds every word whatever its case and accents", () => {
    expect(hits("evaluation", "Une Évaluation, deux ÉVALUATIONS")).toEqual(["Évaluation"]);
    expect(hits("Straße", "Die Strasse und die STRASSE")).toEqual(["Strasse", "STRASSE"]);
  });

  it("finds a phrase only as consecutive words, spanning them", () => {
    expect(hits('"new york"', text)).toEqual(["new York", "New York"]);
    expect(hits('"york office"', text)).toEqual(["York office"]);
    expect(hits('"old new"', text)).toEqual([]);
  });

  it("takes a word typed with a hyphen or apostrophe as a phrase", () => {
    expect(hits("state-of-the-art", "a state of the art building")).toEqual(["state of the art"]);
  });

  it("finds words starting with a prefix", () => {
    expect(hits("vol*", "Volunteers volunteered; a volcano? No: involved.")).toEqual([
      "Volunteers",
      "volunteered",
      "volcano",
    ]);
    expect(hits('"new yo"*', text)).toEqual(["new York", "New York"]);
  });

  it("needs every word (AND is implied) and shows each", () => {
    expect(hits("love old", text)).toEqual(["love", "old"]);
    expect(hits("love AND old", text)).toEqual(["love", "old"]);
    expect(hits("love hate", text)).toEqual([]);
  });

  it("takes either side of OR", () => {
    expect(hits("hate OR love", text)).toEqual(["love"]);
    expect(hits("(hate OR love) office", text)).toEqual(["office", "love"]);
  });

  it("leaves out answers with a NOT or minus word, and shows no hits for it", () => {
    expect(hits("love NOT hate", text)).toEqual(["love"]);
    expect(hits("love -office", text)).toEqual([]);
    expect(hits("love NOT (office OR hate)", text)).toEqual([]);
    expect(hits("covid-19", "after covid 19 came")).toEqual(["covid 19"]);
  });

  it("joins overlapping hits into one", () => {
    expect(hits('"new york" york', text)).toEqual(["new York", "New York", "york"]);
  });

  it("finds a Chinese phrase only as adjacent characters", () => {
    expect(hits("东京", "我在东京工作")).toEqual(["东京"]);
    expect(hits("东京", "东、京")).toEqual([]);
    expect(hits("京", "我在东京工作")).toEqual(["京"]);
  });

  it("finds Cyrillic words whatever their case", () => {
    expect(hits("оплата", "ОПЛАТА и оплата, но не предоплата")).toEqual(["ОПЛАТА", "оплата"]);
    expect(hits("опла*", "Оплатой довольны")).toEqual(["Оплатой"]);
  });
});

describe("reading a query", () => {
  it("reads words, phrases, prefixes and operators", () => {
    expect(parseQuery('"Safe place" OR shelt* -police')).toEqual({
      kind: "or",
      items: [
        { kind: "term", words: ["safe", "place"], cjk: [false, false], prefix: false },
        {
          kind: "and",
          items: [
            { kind: "term", words: ["shelt"], cjk: [false], prefix: true },
            { kind: "not", item: { kind: "term", words: ["police"], cjk: [false], prefix: false } },
          ],
        },
      ],
    });
  });

  it("reads or, and and not in lower case as words", () => {
    expect(parseQuery("war or peace")).toMatchObject({ kind: "and", items: [{}, {}, {}] });
  });

  it.each([
    ['"open phrase', 'a quote (") is not closed: put one after the phrase'],
    ["NOT", "NOT needs a word after it to leave out"],
    ["school NOT", "NOT needs a word after it to leave out"],
    [
      "-teacher",
      "NOT only leaves answers out: say what to search for too, as in: school NOT teacher",
    ],
    [
      "NOT teacher",
      "NOT only leaves answers out: say what to search for too, as in: school NOT teacher",
    ],
    ["a OR", "OR needs something to search for on both sides"],
    ["OR b", "OR needs something to search for on both sides"],
    ["(a b", "a ( is not closed: put a ) after it"],
    ["a b)", "a ) has no ( before it"],
    ["()", "( ) holds nothing to search for"],
    ["AND b", "AND needs something to search for on both sides"],
    ["& ...", "the search has no words to look for (punctuation and symbols are left out"],
    ["😀 ❤️", "the search has no words to look for (punctuation and symbols are left out"],
  ])("refuses %s with one clear sentence", (query, message) => {
    expect(() => parseQuery(query)).toThrow(message);
  });
});
