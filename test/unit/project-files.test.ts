import { describe, expect, it } from "vitest";
import { copyPathFor, fileNameOf, withProjectExtension } from "../../shared/project-files.ts";

describe("project file names", () => {
  it("adds .cairn to a name typed without it, once", () => {
    expect(withProjectExtension("/home/ana/wave two")).toBe("/home/ana/wave two.cairn");
    expect(withProjectExtension("C:\\surveys\\members.CAIRN")).toBe("C:\\surveys\\members.CAIRN");
  });

  it("suggests a copy beside the project", () => {
    expect(copyPathFor("/home/ana/members.cairn")).toBe("/home/ana/members copy.cairn");
    expect(copyPathFor("/home/ana/members")).toBe("/home/ana/members copy.cairn");
  });

  it("names the file for menus, whatever the separator", () => {
    expect(fileNameOf("/home/ana/members.cairn")).toBe("members.cairn");
    expect(fileNameOf("C:\\surveys\\members.cairn")).toBe("members.cairn");
  });
});
