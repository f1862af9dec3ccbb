import { describe, expect, it } from "vitest";
import { sentenceBounds, snippet } from "../../shared/search/passages.ts";
import { ftsExpression } from "../../electron/core/search/fts-expression.ts";
import { parseQuery } from "../../shared/search/query.ts";

/** The sentence around the first occurrence of `word`. */
function sentence(text: string, word: string): string {
  const start = text.indexOf(word);
  const { start: from, end: to } = sentenceBounds(text, start, start + word.length);
  return text.slice(from, to);
}

describe("the sentence around a hit", () => {
  const text = "We call daily. Do they answer?! Never…  Then 3.5 hours pass.\nNew line here";

  it("runs from the previous sentence's end to its own stop, spaces trimmed", () => {
    expect(sentence(text, "call")).toBe("We call daily.");
    expect(sentence(text, "answer")).toBe("Do they answer?!");
    expect(sentence(text, "Never")).toBe("Never…");
  });

  it("does not end at a decimal point, and ends at a line break", () => {
    expect(sentence(text, "hours")).toBe("Then 3.5 hours pass.");
    expect(sentence(text, "line")).toBe("New line here");
  });

  it("keeps closing quotes after the stop", () => {
    expect(sentence('He said "no more." Then left.', "more")).toBe('He said "no more."');
  });

  it("splits Chinese and Japanese text at their full stops", () => {
    expect(sentence("我们每天打电话。他们不回答！为什么？", "不回答")).toBe("他们不回答！");
  });

  it("covers a hit that runs over two sentences", () => {
    const t = "One two. Three four. Five.";
    expect(sentenceBounds(t, 4, 14)).toEqual({ start: 0, end: 20 });
  });
});

describe("a keyword-in-context snippet", () => {
  it("shows the whole of a short answer on one line", () => {
    expect(snippet("Safer streets\nat night", 6, 13)).toEqual({
      before: "Safer ",
      match: "streets",
      after: " at night",
    });
  });

  it("cuts long context at word boundaries and marks the cuts", () => {
    const text = `${"word ".repeat(30)}TARGET${" more".repeat(30)}`;
    const start = text.indexOf("TARGET");
    const cut = snippet(text, start, start + 6, 20);
    expect(cut.match).toBe("TARGET");
    expect(cut.before).toBe("…word word word word ");
    expect(cut.after).toBe(" more more more more…");
  });

  it("cuts text without spaces between characters", () => {
    const text = "这是一个很长的句子".repeat(20);
    const cut = snippet(text, 90, 92, 10);
    expect(cut.before).toBe("…" + text.slice(80, 90));
    expect(cut.after).toBe(text.slice(92, 102) + "…");
  });
});

describe("the full-text index's expression for a query", () => {
  it("quotes every word, marks prefixes, and puts words left out after NOT", () => {
    expect(ftsExpression(parseQuery('"Safe place" OR (shelt* -police)'))).toBe(
      '("safe place") OR (("shelt"*) NOT ("police"))',
    );
  });

  it("leaves a Chinese phrase that is left out to the exact matcher", () => {
    expect(ftsExpression(parseQuery("医院 -东京"))).toBe('("医 院")');
  });
});
