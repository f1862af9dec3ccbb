/**
 * The search box's language: words (all must occur), "exact phrases", prefix* (words
 * starting so), OR between alternatives, NOT or a leading minus to leave answers out,
 * and parentheses. AND between words is implied; AND, OR and NOT are operators only in
 * capitals. Words are folded (tokenize.ts) so case and accents never matter.
 */
import { CairnError } from "../api/errors.ts";
import { tokenize, type Token } from "./tokenize.ts";

/** Words that must follow each other; the last may be a prefix. */
export interface Term {
  readonly kind: "term";
  /** Folded words, at least one. */
  readonly words: readonly string[];
  /** Of a CJK word, whether it must touch the previous one (no space between). */
  readonly cjk: readonly boolean[];
  readonly prefix: boolean;
}
export interface And {
  readonly kind: "and";
  readonly items: readonly QueryNode[];
}
export interface Or {
  readonly kind: "or";
  readonly items: readonly QueryNode[];
}
export interface Not {
  readonly kind: "not";
  readonly item: QueryNode;
}
export type QueryNode = Term | And | Or | Not;

type Lexeme =
  | { readonly kind: "open" | "close" | "or" | "and" | "not" }
  | { readonly kind: "minus" }
  | { readonly kind: "text"; readonly text: string; readonly quoted: boolean };

function bad(message: string): CairnError {
  return new CairnError("bad_input", message);
}

function lex(query: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i] as string;
    if (/\s/.test(char)) {
      i++;
    } else if (char === "(" || char === ")") {
      lexemes.push({ kind: char === "(" ? "open" : "close" });
      i++;
    } else if (char === '"') {
      const close = query.indexOf('"', i + 1);
      if (close < 0) throw bad('a quote (") is not closed: put one after the phrase');
      let text = query.slice(i + 1, close);
      i = close + 1;
      if (query[i] === "*") {
        text += "*";
        i++;
      }
      lexemes.push({ kind: "text", text, quoted: true });
    } else if (char === "-" && /[^\s)-]/.test(query[i + 1] ?? " ")) {
      // Only in front of a word or a group: inside a word ("covid-19") it is part of it.
      lexemes.push({ kind: "minus" });
      i++;
    } else {
      const match = /^[^\s()"]+/.exec(query.slice(i)) as RegExpExecArray;
      const word = match[0];
      i += word.length;
      if (word === "OR" || word === "AND" || word === "NOT") {
        lexemes.push({ kind: word === "OR" ? "or" : word === "AND" ? "and" : "not" });
      } else {
        lexemes.push({ kind: "text", text: word, quoted: false });
      }
    }
  }
  return lexemes;
}

class Parser {
  private at = 0;

  constructor(private readonly lexemes: readonly Lexeme[]) {}

  parse(): QueryNode {
    const node = this.or();
    const next = this.lexemes[this.at];
    if (next)
      throw bad(next.kind === "close" ? "a ) has no ( before it" : "the search could not be read");
    return node;
  }

  private or(): QueryNode {
    const items = [this.and()];
    while (this.lexemes[this.at]?.kind === "or") {
      this.at++;
      if (this.endsHere()) throw bad("OR needs something to search for on both sides");
      items.push(this.and());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { kind: "or", items };
  }

  private and(): QueryNode {
    if (this.endsHere()) {
      const next = this.lexemes[this.at]?.kind;
      throw bad(
        next === "or"
          ? "OR needs something to search for on both sides"
          : next === "close"
            ? "( ) holds nothing to search for"
            : "type something to search for",
      );
    }
    const items: QueryNode[] = [];
    while (!this.endsHere()) {
      if (this.lexemes[this.at]?.kind === "and") {
        this.at++;
        if (this.endsHere() || items.length === 0) {
          throw bad("AND needs something to search for on both sides");
        }
        continue;
      }
      const item = this.unary();
      if (item) items.push(item);
    }
    if (items.length > 0 && items.every((item) => item.kind === "not")) {
      throw bad(
        "NOT only leaves answers out: say what to search for too, as in: school NOT teacher",
      );
    }
    if (items.length === 0)
      throw bad(
        "the search has no words to look for (punctuation and symbols are left out; tick “Regular expression” to find them)",
      );
    return items.length === 1 ? (items[0] as QueryNode) : { kind: "and", items };
  }

  private endsHere(): boolean {
    const next = this.lexemes[this.at]?.kind;
    return next === undefined || next === "or" || next === "close";
  }

  /** One item of an AND, or null for a word of punctuation only ("&"). */
  private unary(): QueryNode | null {
    const lexeme = this.lexemes[this.at] as Lexeme;
    if (lexeme.kind === "not" || lexeme.kind === "minus") {
      this.at++;
      const next = this.lexemes[this.at]?.kind;
      if (next === undefined || next === "or" || next === "close" || next === "and") {
        throw bad(`${lexeme.kind === "not" ? "NOT" : "-"} needs a word after it to leave out`);
      }
      if (next === "not" || next === "minus") throw bad("NOT cannot follow NOT");
      const item = this.primary();
      if (!item)
        throw bad(`${lexeme.kind === "not" ? "NOT" : "-"} needs a word after it to leave out`);
      return { kind: "not", item };
    }
    return this.primary();
  }

  private primary(): QueryNode | null {
    const lexeme = this.lexemes[this.at] as Lexeme;
    this.at++;
    if (lexeme.kind === "open") {
      const next = this.lexemes[this.at]?.kind;
      if (next === undefined) throw bad("a ( is not closed: put a ) after it");
      if (next === "close") throw bad("( ) holds nothing to search for");
      const node = this.or();
      if (this.lexemes[this.at]?.kind !== "close") throw bad("a ( is not closed: put a ) after it");
      this.at++;
      return node;
    }
    if (lexeme.kind === "text") return termOf(lexeme.text);
    throw bad("the search could not be read");
  }
}

/** A word or phrase as typed; "state-of-the-art" is a phrase of four words. */
export function termOf(typed: string): Term | null {
  const prefix = typed.endsWith("*");
  const tokens: Token[] = tokenize(prefix ? typed.replace(/\*+$/, "") : typed);
  if (tokens.length === 0) return null;
  return {
    kind: "term",
    words: tokens.map((t) => t.word),
    cjk: tokens.map(
      (t, i) =>
        t.cjk && i > 0 && (tokens[i - 1] as Token).cjk && (tokens[i - 1] as Token).end === t.start,
    ),
    prefix,
  };
}

/** The query parsed, or a CairnError (bad_input) with one sentence saying what is wrong. */
export function parseQuery(query: string): QueryNode {
  return new Parser(lex(query)).parse();
}
