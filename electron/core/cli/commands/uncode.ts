/**
 * `cairn uncode FILE --segment ID [--json]`: removes a coded passage through the coding
 * service (one step the app can undo) and prints the segment as it was.
 */
import { CairnError } from "../../../../shared/api/errors.ts";
import { removeSegments } from "../../coding/coding-service.ts";
import { getSegmentListing } from "../../db/segment-list.ts";
import { parse, singleFile } from "../args.ts";
import { segmentIdFlag } from "../coding-flags.ts";
import { codePaths } from "../coding-lookup.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";
import { segmentJson, segmentLine } from "../segment-output.ts";

export function uncodeCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("uncode", argv, {
    segment: { type: "string" },
    json: { type: "boolean" },
  });
  const file = singleFile("uncode", positionals);
  const id = segmentIdFlag("uncode", values.segment);

  withProject(file, (session) => {
    const db = session.db();
    const segment = getSegmentListing(db, id);
    if (!segment) throw new CairnError("not_found", `segment ${id} does not exist`);
    const paths = codePaths(db);
    removeSegments(db, [id], new Date().toISOString());
    if (values.json) printJson(output, segmentJson(segment, paths));
    else output.out(`removed ${segmentLine(segment, paths)}`);
  });
}
