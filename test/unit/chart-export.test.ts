import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { CodeId, QuestionId } from "../../shared/domain.ts";
import type { QuestionTally } from "../../shared/api/tally-api.ts";
import { codeBarsOption } from "../../renderer/src/charts/code-bars.ts";
import { pngPixelSize, printSized, renderSvg } from "../../renderer/src/charts/export.ts";
import { crc32, isPng, pngDpi, pngSize, withDpi } from "../../renderer/src/charts/png-dpi.ts";

/** A 3 x 2 white PNG, built by hand. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = new Uint8Array([...type].map((c) => c.charCodeAt(0)).concat([...data]));
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(body, 4);
    view.setUint32(8 + data.length, crc32(body));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 3);
  new DataView(ihdr.buffer).setUint32(4, 2);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const raw = new Uint8Array([0, 255, 255, 255, 0, 255, 255, 255]);
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array()),
  ];
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

describe("PNG files for print", () => {
  it("computes PNG's CRC-32", () => {
    expect(crc32(new TextEncoder().encode("IEND"))).toBe(0xae426082);
  });

  it("marks the image 300 dpi so a word processor places it at 16 cm", () => {
    const png = tinyPng();
    expect(pngDpi(png)).toBeNull();
    const marked = withDpi(png, 300);
    expect(isPng(marked)).toBe(true);
    expect(pngSize(marked)).toEqual({ width: 3, height: 2 });
    expect(pngDpi(marked)).toBe(300);
    expect(marked.length).toBe(png.length + 21);
    // Marking twice replaces the chunk rather than adding a second.
    expect(withDpi(withDpi(png, 72), 300).length).toBe(marked.length);
    expect(pngDpi(withDpi(withDpi(png, 72), 300))).toBe(300);
  });
});

const question: QuestionTally = {
  questionId: 3 as QuestionId,
  label: "Q3 Limitations",
  text: "",
  position: 3,
  answered: 12,
  empty: 0,
  nonResponse: 0,
  missing: 0,
  codes: [
    {
      codeId: 12 as CodeId,
      parentId: null,
      path: ["Resources & <funding>"],
      nRespondents: 9,
      nSegments: 11,
      pctOfAnswered: 0.75,
      pctOfSegments: 1,
    },
  ],
};

describe("SVG files", () => {
  const build = (layout: Parameters<typeof codeBarsOption>[1]) =>
    codeBarsOption({ question, measure: "percent" }, layout);

  it("draw the print layout with the bar labels, 16 cm wide", () => {
    const svg = renderSvg(build);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("75% (9 of 12)");
    expect(svg).toContain("Resources &amp; &lt;funding&gt;");
    expect(svg).toMatch(/^<svg[^>]* width="16\.00cm"/);
    expect(svg).toMatch(/viewBox="0 0 945 \d+"/);
  });

  it("gives the PNG 1890 px across and twice the print layout's height", () => {
    const size = pngPixelSize(build);
    expect(size.width).toBe(1890);
    expect(size.height).toBe(2 * build({ width: 945, medium: "print" }).height);
  });

  it("sizes only the root element", () => {
    const svg =
      '<svg width="945" height="400" viewBox="0 0 945 400"><rect width="10" height="5"/></svg>';
    expect(printSized(svg, 400)).toBe(
      '<svg width="16.00cm" height="6.77cm" viewBox="0 0 945 400"><rect width="10" height="5"/></svg>',
    );
  });
});
