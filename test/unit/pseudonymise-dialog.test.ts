import { describe, expect, it } from "vitest";
import { reportInWords } from "../../shared/text/pseudonymise-words.ts";
import {
  defaultCopyPath,
  EMPTY_FORM,
  formRequest,
  withCairnExtension,
} from "../../renderer/src/safety/pseudonymise-request.ts";

describe("the Pseudonymise dialog's form", () => {
  it("puts the copy beside the project, named after it", () => {
    expect(defaultCopyPath("/home/me/survey.cairn")).toBe("/home/me/survey pseudonymised.cairn");
    expect(withCairnExtension(" /tmp/for Brian ")).toBe("/tmp/for Brian.cairn");
    expect(withCairnExtension("/tmp/a.CAIRN")).toBe("/tmp/a.CAIRN");
  });

  it("asks for names until there is something to replace", () => {
    expect(formRequest(EMPTY_FORM)).toEqual({
      ok: false,
      problem: "Type the names to replace, one a line.",
    });
    expect(formRequest({ ...EMPTY_FORM, termsText: "=> X" })).toEqual({
      ok: false,
      problem: 'The list: line 1 has no name before "=>".',
    });
    expect(formRequest({ ...EMPTY_FORM, urls: true })).toMatchObject({ ok: true });
  });

  it("turns the boxes into the contract's options", () => {
    const form = { ...EMPTY_FORM, termsText: "Anna", matchCase: true, insideWords: true };
    expect(formRequest(form)).toEqual({
      ok: true,
      options: {
        terms: [{ find: "Anna", replace: "[name 1]" }],
        ignoreCase: false,
        wholeWords: false,
        emails: false,
        phones: false,
        urls: false,
      },
    });
  });

  it("says what the copy holds in one sentence", () => {
    const report = {
      path: "/a.cairn",
      replacements: 1234,
      byTerm: [],
      answersChanged: 1,
      segmentsReanchored: 0,
      memosChanged: 2,
      attributeValuesChanged: 1,
      respondentIdsChanged: 0,
    };
    expect(reportInWords(report)).toBe(
      "1,234 replacements in 1 answer; 2 notes changed, 1 attribute value changed.",
    );
  });
});
