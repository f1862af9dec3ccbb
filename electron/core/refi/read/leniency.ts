/**
 * What a lenient read bends, gathered while parsing and said once each at the end: many
 * ids that are not GUIDs make one warning with a couple of examples, not one per id.
 */

const GUID =
  /^(\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const EXAMPLES = 3;

function isGuid(value: string): boolean {
  return GUID.test(value);
}

class Tally {
  count = 0;
  readonly examples: string[] = [];

  add(example: string): void {
    this.count++;
    if (this.examples.length < EXAMPLES && !this.examples.includes(example)) {
      this.examples.push(example);
    }
  }

  /** "c001, c21, …" */
  list(): string {
    const more = this.count > this.examples.length ? ", …" : "";
    return this.examples.join(", ") + more;
  }
}

export class Leniency {
  private readonly nonGuids = new Tally();
  private readonly missingGuids = new Tally();
  private readonly colors = new Tally();
  private readonly codable = new Tally();
  private readonly unnamedCodes = new Tally();
  private readonly badPositions = new Tally();
  private readonly emptyCodings = new Tally();
  private readonly variableTypes = new Tally();
  private readonly notes: string[] = [];
  private missingGuidCount = 0;

  /** The element's guid as written, or a made-up one (with a warning) when it has none. */
  guid(element: string, raw: string | undefined): string {
    const value = raw?.trim() ?? "";
    if (value === "") {
      this.missingGuids.add(element);
      return `missing-guid-${++this.missingGuidCount}`;
    }
    if (!isGuid(value)) this.nonGuids.add(value);
    return value;
  }

  malformedColor(raw: string): void {
    this.colors.add(raw);
  }

  codableMissing(codeName: string): void {
    this.codable.add(codeName);
  }

  unnamedCode(guid: string): void {
    this.unnamedCodes.add(guid);
  }

  badPosition(selectionGuid: string): void {
    this.badPositions.add(selectionGuid);
  }

  codingWithoutCode(codingGuid: string): void {
    this.emptyCodings.add(codingGuid);
  }

  unknownVariableType(type: string): void {
    this.variableTypes.add(type);
  }

  /** Any other sentence, said as is. */
  note(sentence: string): void {
    if (!this.notes.includes(sentence)) this.notes.push(sentence);
  }

  warnings(): string[] {
    const out = [...this.notes];
    const say = (tally: Tally, one: string, many: string, rest: string) => {
      if (tally.count === 0) return;
      const subject = tally.count === 1 ? `1 ${one}` : `${tally.count} ${many}`;
      out.push(`${subject} (${tally.list()}); ${rest}`);
    };
    say(
      this.nonGuids,
      "id is not a GUID as the standard requires",
      "ids are not GUIDs as the standard requires",
      "read anyway",
    );
    say(this.missingGuids, "element has no guid", "elements have no guid", "read anyway");
    say(this.colors, 'colour is not "#rrggbb"', 'colours are not "#rrggbb"', "left out");
    say(
      this.codable,
      "code does not say whether it is codable",
      "codes do not say whether they are codable",
      "read as codable",
    );
    say(this.unnamedCodes, "code has no name", "codes have no name", 'named "Unnamed code"');
    say(
      this.badPositions,
      "selection has no readable start and end",
      "selections have no readable start and end",
      "left out",
    );
    say(this.emptyCodings, "coding names no code", "codings name no code", "left out");
    say(
      this.variableTypes,
      "variable has an unknown type",
      "variables have an unknown type",
      "read as Text",
    );
    return out;
  }
}
