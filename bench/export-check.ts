/**
 * Is the floor writing the same cells as Cairn? The first data row (the first row with a
 * number in it: Start) of each workbook, read with exceljs's streaming reader.
 */
import ExcelJS from "exceljs";

async function firstDataRow(path: string): Promise<string[] | null> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1);
      if (cells.some((cell) => typeof cell === "number")) {
        return cells.map((cell) => (cell === null || cell === undefined ? "" : String(cell)));
      }
    }
    return null;
  }
  return null;
}

export async function compareFirstRows(cairn: string, floor: string): Promise<string> {
  const [a, b] = [await firstDataRow(cairn), await firstDataRow(floor)];
  if (!a || !b) return "no data row to compare";
  const width = Math.max(a.length, b.length);
  const differ = Array.from({ length: width }, (_, i) => i).filter(
    (i) => (a[i] ?? "") !== (b[i] ?? ""),
  );
  if (differ.length === 0) return `same ${width} cells`;
  return (
    `${a.length} vs ${b.length} cells; differing at ` +
    differ.map((i) => `${i + 1}: "${a[i] ?? ""}" / "${b[i] ?? ""}"`).join(", ")
  );
}
