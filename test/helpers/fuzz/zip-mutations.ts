/**
 * Mutations of a zip-based file (.xlsx, .docx, .qdpx) that keep it a readable zip: an
 * entry repeated or removed, or the XML inside one entry mutated and the whole re-zipped,
 * so the damage reaches the importer's XML reading rather than stopping at the zip.
 */
import JSZip from "jszip";
import { rawZip, type RawEntry } from "../raw-zip.ts";
import type { Prng } from "./prng.ts";
import { XML_MUTATIONS, mutateXml } from "./xml-mutations.ts";

export const ZIP_MUTATIONS = ["duplicate entry", "remove entry", "mutate xml"] as const;
export type ZipMutation = (typeof ZIP_MUTATIONS)[number];

export async function mutateZip(
  prng: Prng,
  zip: Uint8Array,
  how: ZipMutation,
): Promise<{ bytes: Buffer; detail: string }> {
  const entries = await unzip(zip);
  const index = prng.int(0, entries.length - 1);
  const chosen = entries[index];
  if (chosen === undefined) return { bytes: Buffer.from(zip), detail: "empty zip" };
  switch (how) {
    case "duplicate entry": {
      const copy = { ...chosen, data: prng.chance(0.5) ? chosen.data : new Uint8Array() };
      entries.splice(prng.int(0, entries.length), 0, copy);
      return { bytes: rawZip(entries), detail: chosen.name };
    }
    case "remove entry":
      entries.splice(index, 1);
      return { bytes: rawZip(entries), detail: chosen.name };
    case "mutate xml": {
      const xmlEntries = entries.filter((entry) => /\.(xml|qde|rels)$/.test(entry.name));
      const target = xmlEntries.length > 0 ? prng.pick(xmlEntries) : chosen;
      const mutation = prng.pick(XML_MUTATIONS);
      const xml = Buffer.from(target.data).toString("utf8");
      const mutated: RawEntry = { ...target, data: mutateXml(prng, xml, mutation) };
      const rezipped = entries.map((entry) => (entry === target ? mutated : entry));
      return { bytes: rawZip(rezipped), detail: `${target.name}: ${mutation}` };
    }
  }
}

async function unzip(zip: Uint8Array): Promise<(RawEntry & { data: Uint8Array })[]> {
  const archive = await JSZip.loadAsync(zip);
  const files = Object.values(archive.files).filter((file) => !file.dir);
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      data: await file.async("uint8array"),
      method: 8 as const,
    })),
  );
}
