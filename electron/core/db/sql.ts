/**
 * SQL built from fragments with a tagged template: interpolated values always become
 * `?` parameters, never text, and fragments nest. Identifiers and keywords are written
 * in the template itself or come from constant fragments.
 */
export class Sql {
  constructor(
    readonly text: string,
    readonly params: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: readonly unknown[]): Sql {
  let text = strings[0] ?? "";
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (value instanceof Sql) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += "?";
      params.push(value);
    }
    text += strings[index + 1] ?? "";
  });
  return new Sql(text, params);
}

export function joinSql(parts: readonly Sql[], separator: string): Sql {
  return new Sql(
    parts.map((part) => part.text).join(separator),
    parts.flatMap((part) => part.params),
  );
}

/** A list as one parameter, read in SQL with `SELECT value FROM json_each(?)`. */
export function jsonList(values: readonly (string | number)[]): string {
  return JSON.stringify(values);
}
