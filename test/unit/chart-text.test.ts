import { describe, expect, it } from "vitest";
import {
  chartFileName,
  escapeHtml,
  fileSlug,
  wrapLabel,
} from "../../renderer/src/charts/chart-text.ts";

describe("the words on a chart", () => {
  it("wraps a long code name onto two lines and ends what does not fit with an ellipsis", () => {
    expect(wrapLabel("Lack of funding", 40, 2)).toBe("Lack of funding");
    expect(wrapLabel("Training for other professionals", 16, 2)).toBe("Training for\nother…");
    const three = wrapLabel("one two three four five six seven eight nine ten", 10, 2);
    expect(three.split("\n")).toHaveLength(2);
    expect(three.endsWith("…")).toBe(true);
    expect(wrapLabel("Supercalifragilistic", 8, 2)).toBe("Superca…");
  });

  it("names files after the question: Q3-limitations-codes.png", () => {
    expect(chartFileName("Q3 Limitations", "codes", "png")).toBe("Q3-limitations-codes.png");
    expect(fileSlug("Q12 Women's rights: what's next?")).toBe("Q12-women-s-rights-what-s-next");
    expect(fileSlug("Évaluation des risques")).toBe("evaluation-des-risques");
    expect(fileSlug("???")).toBe("chart");
  });

  it("keeps code names out of the tooltip's markup", () => {
    expect(escapeHtml(`<b>"A" & 'B'</b>`)).toBe(
      "&#60;b&#62;&#34;A&#34; &#38; &#39;B&#39;&#60;/b&#62;",
    );
  });
});
