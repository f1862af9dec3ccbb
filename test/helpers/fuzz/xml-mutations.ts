/**
 * Mutations of XML text (a .qdc, or an entry of a .qdpx/.xlsx/.docx): spans deleted or
 * repeated, hostile text in text and attributes, deep nesting, an entity bomb, numbers
 * bent out of range, a cut-off document.
 */
import { escapeXml } from "../docx.ts";
import { hostileText } from "./hostile.ts";
import type { Prng } from "./prng.ts";

export const XML_MUTATIONS = [
  "delete span",
  "repeat tag",
  "hostile text",
  "raw hostile text",
  "deep nesting",
  "entity bomb",
  "bent number",
  "truncate",
] as const;
export type XmlMutation = (typeof XML_MUTATIONS)[number];

export function mutateXml(prng: Prng, xml: string, how: XmlMutation): string {
  switch (how) {
    case "delete span": {
      const start = prng.int(0, xml.length);
      return xml.slice(0, start) + xml.slice(Math.min(xml.length, start + prng.int(1, 200)));
    }
    case "repeat tag": {
      const tags = [...xml.matchAll(/<[^<>]+>/g)];
      if (tags.length === 0) return xml + xml;
      const tag = prng.pick(tags);
      const at = tag.index;
      return xml.slice(0, at) + tag[0].repeat(prng.int(2, 50)) + xml.slice(at);
    }
    case "hostile text":
      return insertAtBoundary(prng, xml, escapeXml(hostileText(prng)));
    case "raw hostile text":
      return insertAtBoundary(prng, xml, hostileText(prng));
    case "deep nesting": {
      const depth = prng.int(500, 20_000);
      return insertAtBoundary(prng, xml, "<x>".repeat(depth) + "</x>".repeat(depth));
    }
    case "entity bomb": {
      const bomb =
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">' +
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">' +
        '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e SYSTEM "file:///etc/passwd">]>';
      const body = xml.replace(/^<\?xml[^>]*\?>/, "");
      return bomb + insertAtBoundary(prng, body, prng.pick(["&d;", "&e;", "&undefined;"]));
    }
    case "bent number": {
      const numbers = [...xml.matchAll(/"(-?\d+)"/g)];
      const bent = prng.pick(["-1", "1e309", "NaN", "99999999999999999999", "0x10", "", "1.5"]);
      if (numbers.length === 0) return xml.replace(/"[^"]*"/, `"${bent}"`);
      const number = prng.pick(numbers);
      return xml.slice(0, number.index) + `"${bent}"` + xml.slice(number.index + number[0].length);
    }
    case "truncate":
      return xml.slice(0, prng.int(0, Math.max(0, xml.length - 1)));
  }
}

/** Between two tags, or inside an attribute value: where text goes. */
function insertAtBoundary(prng: Prng, xml: string, text: string): string {
  const spots = [...xml.matchAll(/>|="/g)].map((match) => match.index + match[0].length);
  const at = spots.length > 0 ? prng.pick(spots) : prng.int(0, xml.length);
  return xml.slice(0, at) + text + xml.slice(at);
}
