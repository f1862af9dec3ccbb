import { describe, expect, it } from "vitest";
import { detectAnswerStatus } from "../../shared/answers/status.ts";

describe("telling answers from blanks and placeholders", () => {
  it("treats a blank or whitespace-only cell as empty", () => {
    expect(detectAnswerStatus("")).toBe("empty");
    expect(detectAnswerStatus("  \n\t ")).toBe("empty");
  });

  it.each([
    "-",
    "n/a",
    "N/A",
    "n.a.",
    ".",
    "...",
    " no answer ",
    "Not applicable.",
    "/",
    "k.A.",
    "---",
  ])("treats %j as a non-response", (text) =>
    expect(detectAnswerStatus(text)).toBe("non_response"),
  );

  it.each([
    "No",
    "None of the above applies to us",
    "We have no answer yet, but we are working on it",
  ])("keeps %j as an answer", (text) => expect(detectAnswerStatus(text)).toBe("answered"));
});
