/**
 * The zip writer under the .qdpx export: entries any unzip reads back byte for byte,
 * zip64 records past 65,535 entries, and a file closed on abort.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ZipWriter } from "../../electron/core/refi/export/zip-writer.ts";
import { readZipEntries, zipEntryCount } from "../helpers/refi-zip.ts";
import { useTempDir } from "../helpers/temp.ts";

const MTIME = new Date("2026-11-24T09:00:00.000Z");

describe("the .qdpx zip writer", () => {
  const tempDir = useTempDir();

  it("writes stored, deflated and streamed entries that read back intact", async () => {
    const path = join(tempDir(), "mixed.zip");
    const zip = new ZipWriter(path, MTIME);
    const long = Buffer.from("Safety at night 😀\r\n".repeat(500), "utf8");
    zip.addBuffer("sources/short.txt", Buffer.from("I feel safe 😀", "utf8"));
    zip.addBuffer("sources/long.txt", long);
    zip.addBuffer("sources/empty.txt", Buffer.alloc(0));
    const stream = zip.addStream("project.qde");
    for (let i = 0; i < 50; i++) await stream.write(Buffer.from(`<Chunk n="${i}"/>`.repeat(5000)));
    await stream.end();
    await zip.finish();
    const entries = await readZipEntries(path);
    expect([...entries.keys()]).toEqual([
      "sources/short.txt",
      "sources/long.txt",
      "sources/empty.txt",
      "project.qde",
    ]);
    expect(entries.get("sources/short.txt")?.toString("utf8")).toBe("I feel safe 😀");
    expect(entries.get("sources/long.txt")?.equals(long)).toBe(true);
    expect(entries.get("sources/empty.txt")?.length).toBe(0);
    const qde = entries.get("project.qde")?.toString("utf8") ?? "";
    expect(qde.length).toBe(50 * 5000 * '<Chunk n="0"/>'.length + 5000 * 40);
    expect(qde.endsWith('<Chunk n="49"/>')).toBe(true);
    const unzip = spawnSync("unzip", ["-tq", path], { encoding: "utf8" });
    if (unzip.error === undefined) expect(unzip.stdout).toMatch(/No errors/);
  });

  it("adds zip64 records past 65,535 entries", async () => {
    const path = join(tempDir(), "many.zip");
    const zip = new ZipWriter(path, MTIME);
    for (let i = 0; i < 65_536; i++) {
      zip.addBuffer(`sources/${i}.txt`, Buffer.from(String(i)));
      if (i % 5000 === 0) await zip.settle();
    }
    await zip.finish();
    // The count is in the zip64 end record only (reading every entry back takes yauzl long).
    expect(await zipEntryCount(path)).toBe(65_536);
    const unzip = spawnSync("unzip", ["-tq", path], { encoding: "utf8" });
    if (unzip.error === undefined) expect(unzip.stdout).toMatch(/No errors/);
  });

  it("leaves a closed file behind when aborted, for the caller to remove", async () => {
    const path = join(tempDir(), "aborted.zip");
    const zip = new ZipWriter(path, MTIME);
    zip.addBuffer("a.txt", Buffer.from("a"));
    await zip.abort();
    expect(existsSync(path)).toBe(true);
  });
});
